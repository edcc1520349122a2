import type { Fault } from './types';

/** AES-GCM without the integrity check. */
export const gmacAcceptsBadTag: Fault = {
  name: 'gmac-accepts-bad-tag',
  description: 'A protected APDU whose authentication tag does not verify is deciphered and served anyway.',
  clause: 'Green Book 9.2.7.2.4 (cryptographic protection: the authentication tag)',
  hooks: { security: { acceptBadTag: () => true } },
};
