import type { Fault } from './types';

/** Knows only the one-bit protocol-version: a proposal of several versions is refused. */
export const aarqProtocolVersionStrict: Fault = {
  name: 'aarq-protocol-version-strict',
  description: 'A protocol-version of more than one bit (version1 and later versions, e.g. 100001) is refused instead of accepted with version1.',
  clause: 'Green Book 9.3.2 (AARQ protocol-version), ISO/IEC 8650-1 7.1.4.1 (higher bits are ignored)',
  hooks: {
    checkAarq: (check, aarq, passes) =>
      check === 'protocol-version' ? passes && (aarq.protocolVersion === undefined || aarq.protocolVersion.length === 1) : passes,
  },
};
