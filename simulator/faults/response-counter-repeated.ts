import type { Fault } from './types';

/** The server's own counter does not advance. */
export const responseCounterRepeated: Fault = {
  name: 'response-counter-repeated',
  description: 'Every protected response after the first reuses the invocation counter of the one before.',
  clause: 'Green Book 9.2.3.7 and 9.2.7.2.4 (a counter is used once per key)',
  hooks: { security: { responseCounter: (next, last) => last ?? next } },
};
