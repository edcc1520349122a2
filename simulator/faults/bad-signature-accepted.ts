import type { Fault } from './types';

/** general-signing without verification. */
export const badSignatureAccepted: Fault = {
  name: 'bad-signature-accepted',
  description: 'A general-signing request whose ECDSA signature does not verify is served.',
  clause: 'Green Book 9.2.7.2.5 (digital signature); suites 1 and 2',
  hooks: { security: { acceptSignature: () => true } },
};
