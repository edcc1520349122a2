import type { Fault } from './types';

/** The meter answers a broadcast: an unconfirmed request under the broadcast key gets a response. */
export const broadcastRequestAnswered: Fault = {
  name: 'broadcast-request-answered',
  description: 'An unconfirmed SET or ACTION protected with the broadcast key is answered, where it must be served silently.',
  clause: 'Green Book 9.2.7.2.3 (key_set broadcast); 9.3.1 (unconfirmed service class)',
  hooks: { security: { answerBroadcast: () => true } },
};
