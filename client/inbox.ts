/**
 * Turns a transport's byte stream into a queue of whole frames (the stream framer decides where
 * a frame ends) and lets the client wait for the next one with a bound. Nothing here sleeps:
 * a wait ends at the first frame, at the deadline, or when the link closes. Bytes the framer
 * throws away (garbage, a frame that never ends) are handed to `onDiscard` so the trace shows
 * them: a DUT that sends noise must be seen sending it.
 */
import type { DiscardReason, StreamFramer } from '../drivers/framer';
import { monotonicMs } from './recorder';

export type Arrival =
  { readonly kind: 'frame'; readonly bytes: Uint8Array } | { readonly kind: 'timeout'; readonly waitedMs: number } | { readonly kind: 'closed' };

export class Inbox {
  private readonly frames: Uint8Array[] = [];
  private closed = false;
  private expiry: ReturnType<typeof setTimeout> | undefined;
  /** The wait in progress, if any: how it is answered, when it started and when it gives up. */
  private resolveWait: ((a: Arrival) => void) | undefined;
  private waitStarted = 0;
  private waitDeadline = Number.POSITIVE_INFINITY;
  private waitTimer: ReturnType<typeof setTimeout> | undefined;
  private waitTimerAt = Number.POSITIVE_INFINITY;

  constructor(
    private readonly framer: StreamFramer,
    private readonly onDiscard: (bytes: Uint8Array, reason: DiscardReason) => void,
  ) {}

  feed(chunk: Uint8Array): void {
    this.absorb(this.framer.feed(chunk, monotonicMs()));
    this.armExpiry();
    this.wake();
  }

  close(): void {
    this.closed = true;
    if (this.expiry) clearTimeout(this.expiry);
    if (this.waitTimer) clearTimeout(this.waitTimer);
    this.waitTimer = undefined;
    this.waitTimerAt = Number.POSITIVE_INFINITY;
    this.wake();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Frames that arrived unasked (late or unsolicited answers), removed from the queue. */
  drain(): Uint8Array[] {
    return this.frames.splice(0);
  }

  next(timeoutMs: number): Promise<Arrival> {
    const ready = this.take();
    if (ready) return Promise.resolve(ready);
    this.waitStarted = monotonicMs();
    this.waitDeadline = this.waitStarted + timeoutMs;
    // The wait's state lives on the inbox, so a wait makes its promise and nothing else.
    const wait = new Promise<Arrival>((resolve) => {
      this.resolveWait = resolve;
    });
    this.armWait();
    return wait;
  }

  /** Answers the wait in progress with the next frame, or that the link closed, if there is one. */
  private wake(): void {
    if (this.resolveWait === undefined) return;
    const a = this.take();
    if (!a) return;
    const resolve = this.resolveWait;
    this.resolveWait = undefined;
    this.waitTimer?.unref();
    resolve(a);
  }

  /**
   * One timer serves every wait (an exchange is one wait, so a timer per wait would be made and
   * cancelled thousands of times a second). It is kept armed between waits, unreferenced so it
   * never holds the process; a wait whose deadline is later than the timer's leaves it alone,
   * and when it fires early for the wait in progress it is set again for the rest.
   */
  private armWait(): void {
    if (this.waitTimer !== undefined && this.waitTimerAt <= this.waitDeadline) {
      this.waitTimer.ref();
      return;
    }
    if (this.waitTimer !== undefined) clearTimeout(this.waitTimer);
    this.waitTimerAt = this.waitDeadline;
    this.waitTimer = setTimeout(() => this.waitTimerFired(), Math.max(0, Math.ceil(this.waitDeadline - monotonicMs())));
  }

  private waitTimerFired(): void {
    this.waitTimer = undefined;
    this.waitTimerAt = Number.POSITIVE_INFINITY;
    if (this.resolveWait === undefined) return;
    const now = monotonicMs();
    if (now < this.waitDeadline) {
      this.armWait();
      return;
    }
    const resolve = this.resolveWait;
    this.resolveWait = undefined;
    resolve({ kind: 'timeout', waitedMs: Math.round(now - this.waitStarted) });
  }

  private take(): Arrival | undefined {
    const f = this.frames.shift();
    if (f) return { kind: 'frame', bytes: f };
    if (this.closed) return { kind: 'closed' };
    return undefined;
  }

  private absorb(events: ReturnType<StreamFramer['feed']>): void {
    for (const e of events) {
      if (e.type === 'frame') this.frames.push(e.bytes);
      else this.onDiscard(e.bytes, e.reason);
    }
  }

  /** The inter-byte timeout: drop an unfinished frame when the framer's deadline passes. */
  private armExpiry(): void {
    if (this.expiry) clearTimeout(this.expiry);
    this.expiry = undefined;
    const deadline = this.framer.deadline();
    if (deadline === undefined || this.closed) return;
    this.expiry = setTimeout(
      () => {
        this.expiry = undefined;
        this.absorb(this.framer.expire(monotonicMs()));
        this.armExpiry();
      },
      Math.max(0, deadline - monotonicMs()),
    );
    this.expiry.unref?.();
  }
}
