import type { Fault } from './types';

/** real-meter.md sections 4 and 5: identical AARE ciphertexts association after association. */
export const counterRestartsPerAssociation: Fault = {
  name: 'counter-restarts-per-association',
  description:
    "Every association under the same key starts the server's invocation counter again at the value the first one started with: the same GCM nonces (system title || counter) come back, the keystream is reused.",
  clause:
    'Green Book 9.2.3.7 (the invocation counter is incremented for each use and never repeats under one key) and NIST SP 800-38D 8.2 (an IV is never reused with the same key); real-meter.md section 5',
  hooks: { security: { restartServerCounter: true } },
};
