import type { Variant } from './types';

/** The dedicated key is agreed in the AARQ but in force only once HLS has completed. */
export const dedicatedKeyAfterHls: Variant = {
  name: 'dedicated-key-after-hls',
  description:
    'A ded-ciphered APDU before HLS completed (pass 3 itself, ded-ciphered) is refused with exception-response service-unknown, deciphering-error (D8 02 05); after pass 4 the dedicated key protects requests as usual.',
  clause: 'Green Book 9.2.3.3 (the dedicated key is used once the association is established) and 9.2.7.4 (HLS pass 3 completes the establishment)',
  reading: 'docs/decisions/hls-pass-3-global-key.md',
  seen: 'real-meter.md section 2: pass 3 sent ded-ciphered → D8 02 05',
  hooks: { security: { refuseDedicatedBeforeHls: true } },
  affects: ['security/*'],
};
