import type { Fault } from './types';

/** The key-set bit is not read: a request meant for the broadcast key is deciphered with the unicast key. */
export const broadcastKeyIgnored: Fault = {
  name: 'broadcast-key-ignored',
  description: 'A request whose security control has the key-set bit set is deciphered with the global unicast key, not the broadcast key.',
  clause: 'Green Book 9.2.7.2.3 (security control, key_set)',
  hooks: { security: { useBroadcastKey: () => false } },
};
