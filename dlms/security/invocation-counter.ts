/**
 * Invocation counters (Green Book 9.2.3.7 and 9.2.7.2.4): the sender increments its counter
 * for every protected APDU, and the receiver accepts a counter only when it is strictly greater
 * than the last one it accepted from that system title; otherwise the APDU is a replay. Both
 * are plain values; every operation returns the next state instead of mutating.
 */
import { toHex } from '../bytes/hex';
import { fail } from './errors';

const MAX_COUNTER = 0xffffffff;

/** Last accepted counter per peer system title (hex). */
export interface ReplayGuard {
  readonly last: ReadonlyMap<string, number>;
}

export const EMPTY_REPLAY_GUARD: ReplayGuard = { last: new Map() };

export type CounterJudgement = { readonly accepted: true; readonly guard: ReplayGuard } | { readonly accepted: false; readonly lastAccepted: number };

/** Whether `counter` from `systemTitle` is fresh; the next guard when it is. */
export function judgeInvocationCounter(guard: ReplayGuard, systemTitle: Uint8Array, counter: number): CounterJudgement {
  const key = toHex(systemTitle);
  const last = guard.last.get(key);
  if (last !== undefined && counter <= last) return { accepted: false, lastAccepted: last };
  const next = new Map(guard.last);
  next.set(key, counter);
  return { accepted: true, guard: { last: next } };
}

/**
 * The next guard, or SECURITY_COUNTER_REPLAYED at `offset` (the counter's position in the
 * frame) when the counter is not strictly greater than the last one accepted.
 */
export function acceptInvocationCounter(guard: ReplayGuard, systemTitle: Uint8Array, counter: number, offset = 0): ReplayGuard {
  const j = judgeInvocationCounter(guard, systemTitle, counter);
  if (!j.accepted) fail('SECURITY_COUNTER_REPLAYED', offset, `an invocation counter above ${j.lastAccepted} from ${toHex(systemTitle)}`, String(counter));
  return j.guard;
}

/** The sender's side: the counter for the next APDU. */
export interface SendCounter {
  readonly next: number;
}

export function sendCounter(start: number): SendCounter {
  if (!Number.isInteger(start) || start < 0 || start > MAX_COUNTER) fail('SECURITY_BAD_COUNTER', 0, 'an invocation counter in 0..2^32-1', String(start));
  return { next: start };
}

/**
 * The counter to put in the next APDU and the state after it. A counter never wraps: once
 * 2^32-1 is used the keys must change (Green Book 9.2.3.7), so SECURITY_COUNTER_EXHAUSTED.
 */
export function takeInvocationCounter(c: SendCounter): { readonly value: number; readonly counter: SendCounter } {
  if (c.next > MAX_COUNTER) fail('SECURITY_COUNTER_EXHAUSTED', 0, 'an invocation counter below 2^32', 'all used: the key must be changed');
  return { value: c.next, counter: { next: c.next + 1 } };
}
