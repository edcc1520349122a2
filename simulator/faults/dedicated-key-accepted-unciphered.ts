import type { Fault } from './types';

/** Takes a dedicated key in a context that has no ciphering to use it for. */
export const dedicatedKeyAcceptedUnciphered: Fault = {
  name: 'dedicated-key-accepted-unciphered',
  description: 'An InitiateRequest carrying a dedicated-key in an application context without ciphering is accepted.',
  clause: 'Green Book 9.4.6 (InitiateRequest dedicated-key: ciphered contexts only)',
  hooks: { checkAarq: (check, _aarq, passes) => (check === 'dedicated-key' ? true : passes) },
};
