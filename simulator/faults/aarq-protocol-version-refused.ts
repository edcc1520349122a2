import type { Fault } from './types';

/** Refuses any AARQ that states a protocol-version, version1 alone included. */
export const aarqProtocolVersionRefused: Fault = {
  name: 'aarq-protocol-version-refused',
  description:
    "An AARQ whose protocol-version is present is refused (acse-service-provider no-common-acse-version), even when it is version1 alone ('1', 80 02 07 80), the common version.",
  clause: 'ISO/IEC 8650-1 as profiled by Green Book 9.3.2 (version1 is the common version); DLMS UA 1001-6 APPL_OPEN_4; real-meter.md section 1',
  hooks: { checkAarq: (check, aarq, passes) => (check === 'protocol-version' ? aarq.protocolVersion === undefined : passes) },
};
