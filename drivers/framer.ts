/**
 * What a stream framer turns a byte stream into: whole frames, and the bytes it had to throw
 * away with the reason. Framers are pure classes with no timers: the caller passes the time
 * with every chunk and calls `expire(now)` at the `deadline()` the framer reports, so the
 * inter-byte timeout is applied exactly and tests need no clock.
 *
 * Only frame boundaries are found here; whether a frame is valid is for the decoder above
 * (drivers/ may not import dlms/).
 */

export type DiscardReason =
  /** Bytes before any opening flag or header. */
  | 'no-start'
  /** A start byte not followed by a plausible header (format type, length). */
  | 'bad-header'
  /** The header announces a frame longer than `maxFrameSize`. */
  | 'too-long'
  /** The byte where the length says the frame ends is not a closing flag. */
  | 'no-closing-flag'
  /** The inter-byte timeout passed with a frame unfinished. */
  | 'timeout';

export type FramerEvent =
  | { readonly type: 'frame'; readonly bytes: Uint8Array; readonly at: number }
  | { readonly type: 'discarded'; readonly bytes: Uint8Array; readonly reason: DiscardReason; readonly at: number };

export interface StreamFramer {
  /** Adds received bytes (arrived at `nowMs`); returns what they completed, in stream order. */
  feed(chunk: Uint8Array, nowMs: number): FramerEvent[];
  /** Applies the inter-byte timeout at `nowMs`: an unfinished frame whose last byte is too old is dropped. */
  expire(nowMs: number): FramerEvent[];
  /** When `expire` would next drop something, or undefined when nothing is pending. */
  deadline(): number | undefined;
  /** Bytes held for an unfinished frame. */
  readonly pending: number;
  /** Forgets everything held (a new connection). */
  reset(): void;
}

export interface FramerOptions {
  /** Largest whole frame accepted, bytes on the wire; a header announcing more is discarded. */
  readonly maxFrameSize?: number;
  /** Longest silence within a frame; undefined: never time out. */
  readonly interByteTimeoutMs?: number;
}

/**
 * The buffering and timing both framers share. A subclass says where the buffer's first
 * frame ends (`scan`); this class does the rest.
 */
/** The empty buffer, shared: a framer never writes to its buffer, only replaces it. */
export const NOTHING_HELD: Uint8Array = new Uint8Array(0);

export abstract class BufferingFramer implements StreamFramer {
  protected buf: Uint8Array = NOTHING_HELD;
  private lastByteAt = 0;
  protected readonly timeoutMs: number | undefined;

  constructor(options: FramerOptions) {
    this.timeoutMs = options.interByteTimeoutMs;
  }

  get pending(): number {
    return this.buf.length;
  }

  reset(): void {
    this.buf = NOTHING_HELD;
  }

  feed(chunk: Uint8Array, nowMs: number): FramerEvent[] {
    // Nothing unfinished (the usual case between answers): nothing to expire, and no array for it.
    const events = this.unfinished() ? this.expire(nowMs) : [];
    if (chunk.length === 0) return events;
    if (this.buf.length === 0) {
      // The usual case, a chunk that starts afresh: read in place. The framer never writes to
      // its buffer and every frame it emits is a copy, so the chunk is only ever read.
      this.buf = chunk;
    } else {
      const next = new Uint8Array(this.buf.length + chunk.length);
      next.set(this.buf);
      next.set(chunk, this.buf.length);
      this.buf = next;
    }
    this.lastByteAt = nowMs;
    this.drain(nowMs, events);
    return events;
  }

  expire(nowMs: number): FramerEvent[] {
    const events: FramerEvent[] = [];
    // A timed-out frame is dropped only up to the next possible start: a real frame may follow it.
    while (this.unfinished() && this.timeoutMs !== undefined && nowMs - this.lastByteAt >= this.timeoutMs) {
      this.skipToNextStart('timeout', nowMs, events);
      this.drain(nowMs, events);
    }
    return events;
  }

  deadline(): number | undefined {
    return this.unfinished() && this.timeoutMs !== undefined ? this.lastByteAt + this.timeoutMs : undefined;
  }

  /** True when the buffer holds part of a frame (not just idle fill). */
  protected abstract unfinished(): boolean;

  /** Emits every complete frame and every certain discard at the front of the buffer. */
  protected abstract drain(nowMs: number, events: FramerEvent[]): void;

  /** Drops the buffer's first byte and everything up to the next byte that could start a frame. */
  protected abstract skipToNextStart(reason: DiscardReason, nowMs: number, events: FramerEvent[]): void;

  /** Removes `n` bytes from the front, reporting `bytes[from, n)` as discarded. */
  protected discard(n: number, from: number, reason: DiscardReason, nowMs: number, events: FramerEvent[]): void {
    if (n > from) events.push({ type: 'discarded', bytes: this.buf.slice(from, n), reason, at: nowMs });
    this.buf = this.buf.subarray(n);
  }
}
