import type { Variant } from './types';

/** A Register monitor that evaluates in the background: a crossing's script runs one request later. */
export const monitorAsynchronous: Variant = {
  name: 'monitor-asynchronous',
  description: "Register monitors run a crossing's script after the next request is served, not before the answer to the request that made it.",
  clause: 'Blue Book 4.5.6 (Register monitor: no time is named within which the script runs)',
  reading: 'docs/decisions/method-behaviours.md',
  hooks: { monitorReading: (r) => ({ ...r, laterBy: 1 }) },
  affects: ['classes/monitors'],
};
