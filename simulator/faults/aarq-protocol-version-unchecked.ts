import type { Fault } from './types';

/** Accepts an AARQ whatever its protocol-version says. */
export const aarqProtocolVersionUnchecked: Fault = {
  name: 'aarq-protocol-version-unchecked',
  description: 'An AARQ whose protocol-version lacks version1 is accepted instead of refused with acse-service-provider no-common-acse-version.',
  clause: 'Green Book 9.3.2 (AARQ protocol-version), ISO/IEC 8650-1',
  hooks: { checkAarq: (check, _aarq, passes) => (check === 'protocol-version' ? true : passes) },
};
