import type { Fault } from './types';

/** The key-info of general-ciphering is not read: every request is deciphered with the global key. */
export const generalCipheringKeyIgnored: Fault = {
  name: 'general-ciphering-key-ignored',
  description: 'A general-ciphering request is deciphered with the global unicast key, whatever key its key-info conveys (wrapped or agreed).',
  clause: 'Green Book 9.2.7.2.4 (general-ciphering key-info)',
  hooks: { security: { useConveyedKey: () => false } },
};
