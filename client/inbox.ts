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
  | { readonly kind: 'frame'; readonly bytes: Uint8Array }
  | { readonly kind: 'timeout'; readonly waitedMs: number }
  | { readonly kind: 'closed' };

export class Inbox {
  private readonly frames: Uint8Array[] = [];
  private waiter: (() => void) | undefined;
  private closed = false;
  private expiry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly framer: StreamFramer,
    private readonly onDiscard: (bytes: Uint8Array, reason: DiscardReason) => void,
  ) {}

  feed(chunk: Uint8Array): void {
    this.absorb(this.framer.feed(chunk, monotonicMs()));
    this.armExpiry();
    this.waiter?.();
  }

  close(): void {
    this.closed = true;
    if (this.expiry) clearTimeout(this.expiry);
    this.waiter?.();
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
    const started = monotonicMs();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        resolve({ kind: 'timeout', waitedMs: Math.round(monotonicMs() - started) });
      }, timeoutMs);
      this.waiter = () => {
        const a = this.take();
        if (!a) return;
        clearTimeout(timer);
        this.waiter = undefined;
        resolve(a);
      };
    });
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
    this.expiry = setTimeout(() => {
      this.expiry = undefined;
      this.absorb(this.framer.expire(monotonicMs()));
      this.armExpiry();
    }, Math.max(0, deadline - monotonicMs()));
    this.expiry.unref?.();
  }
}
