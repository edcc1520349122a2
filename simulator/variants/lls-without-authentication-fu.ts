import type { Variant } from './types';

/** The right password is enough: the AARQ's missing authentication functional unit is not held against it. */
export const llsWithoutAuthenticationFu: Variant = {
  name: 'lls-without-authentication-fu',
  description: 'An LLS AARQ without the authentication functional unit in sender-acse-requirements, but with the right mechanism and password, is accepted.',
  clause: 'Green Book 9.3.2 (the standard names no responder diagnostic for a missing functional unit)',
  reading: 'docs/decisions/aare-refusal-diagnostics.md',
  seen: 'real-meter.md section 2: AARQ without the authentication functional unit but with the right LLS password accepted',
  hooks: { checkAarq: (check, _aarq, passes) => (check === 'acse-requirements' ? true : passes) },
  affects: ['association/*'],
};
