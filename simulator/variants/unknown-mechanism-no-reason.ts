import type { Variant } from './types';

/** An unknown mechanism refused without naming why: the refusal is what matters. */
export const unknownMechanismNoReason: Variant = {
  name: 'unknown-mechanism-no-reason',
  description:
    'An AARQ naming a mechanism the association does not use is refused rejected-permanent, acse-service-user no-reason-given (not authentication-mechanism-name-not-recognised).',
  clause: 'Green Book 9.3.2 (AARE result-source-diagnostic); ISO/IEC 8650-1',
  reading: 'docs/decisions/aare-refusal-diagnostics.md',
  seen: 'real-meter.md section 2: unknown mechanism-name refused with no-reason-given',
  hooks: {
    onAarq: (d) =>
      d.kind === 'reject' && d.source !== 'acse-service-provider' && d.diagnostic === 'authentication-mechanism-name-not-recognised'
        ? { ...d, diagnostic: 'no-reason-given' }
        : d,
  },
  affects: ['association/*', 'security/*'],
};
