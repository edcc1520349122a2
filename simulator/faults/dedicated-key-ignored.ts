import type { Fault } from './types';

/** ded- APDUs deciphered with the global key. */
export const dedicatedKeyIgnored: Fault = {
  name: 'dedicated-key-ignored',
  description: 'ded- APDUs are deciphered with the global unicast key instead of the dedicated key of the AARQ.',
  clause: 'Green Book 9.2.3.3 (dedicated key) and 9.4.6 (InitiateRequest dedicated-key)',
  hooks: { security: { useDedicatedKey: () => false } },
};
