import type { Fault } from './types';

/** Release that ignores the protection of its user-information. */
export const unprotectedRlrqReleases: Fault = {
  name: 'unprotected-rlrq-releases',
  description: 'In a ciphered association, an RLRQ whose InitiateRequest is not protected releases the association.',
  clause: 'Green Book 9.3.3 (release of a ciphered association)',
  hooks: { security: { acceptRlrq: () => true } },
};
