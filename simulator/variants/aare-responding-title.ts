import { rewrite } from './apdu';
import type { Variant } from './types';

/** The meter's system title (simulator/meters/default.yaml, Security setup). */
const SYSTEM_TITLE = Uint8Array.of(0x44, 0x4c, 0x4d, 0, 0, 0, 0, 1);

export const aareRespondingTitle: Variant = {
  name: 'aare-responding-title',
  description: 'Every AARE carries the meter system title as responding-AP-title, in associations without ciphering too.',
  clause: 'Green Book 9.3.2 (responding-AP-title is optional; a field DLMS does not use is ignored)',
  hooks: {
    onApduOut: (_request, response) =>
      rewrite(response, (p) => (p.type === 'aare' && p.respondingApTitle === undefined ? { ...p, respondingApTitle: SYSTEM_TITLE } : undefined)),
  },
  // Every AARE is read by the same associate step; association/ and security/ judge AAREs.
  affects: ['association/*', 'security/*'],
};
