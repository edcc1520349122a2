import type { Variant } from './types';

/** A Register monitor or Limiter that evaluates in the background: a crossing's script (and a Limiter's emergency switch) comes one request later. */
export const monitorAsynchronous: Variant = {
  name: 'monitor-asynchronous',
  description:
    "Register monitors and Limiters run a crossing's script (a Limiter also switches threshold_active for its emergency profile) after the next request is served, not before the answer to the request that made it.",
  clause: 'Blue Book 4.5.6 (Register monitor), 4.5.9 (Limiter): no time is named within which the script runs or threshold_active is switched',
  reading: 'docs/decisions/method-behaviours.md',
  hooks: { monitorReading: (r) => ({ ...r, laterBy: 1 }) },
  affects: ['classes/monitors'],
};
