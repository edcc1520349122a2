import type { Fault } from './types';

/** No replay protection. */
export const replayedInvocationCounterAccepted: Fault = {
  name: 'replayed-invocation-counter-accepted',
  description: 'A protected APDU whose invocation counter is not above the last one accepted is served (a replay).',
  clause: 'Green Book 9.2.7.2.4 (the invocation counter protects against replay)',
  hooks: { security: { acceptCounter: () => true } },
};
