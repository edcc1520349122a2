/**
 * Finds HDLC frames in a byte stream (IEC 62056-46 / Green Book 8.4.3.1). DLMS HDLC has no
 * byte stuffing: a frame is 7E, then the frame format field whose 11-bit length counts the
 * bytes between the flags, then a 7E exactly there. Back-to-back frames may share one flag
 * (Green Book 8.4.3.1), and flags may repeat between frames as fill.
 *
 * Every frame is delivered with both flags, so a shared flag appears at the end of one frame
 * and the start of the next. Bytes that cannot start a frame are reported once as `discarded`.
 */
import { BufferingFramer, NOTHING_HELD, type DiscardReason, type FramerEvent, type FramerOptions } from './framer';

/** Green Book 8.4.3.1. Repeated here because drivers/ may not import dlms/. */
const FLAG = 0x7e;
/** Green Book 8.4.3.2: frame format type 3 (1010) in the high nibble. */
const FORMAT_TYPE = 0xa;
/** Format (2), destination, source, control (1 each), FCS (2): the least between the flags. */
const MIN_LENGTH = 7;
/** A buffer holding only the last frame's closing flag; shared, as the framer never writes to its buffer. */
const FLAG_ONLY = Uint8Array.of(FLAG);
/** Two flags around the largest 11-bit length. */
export const HDLC_MAX_FRAME_SIZE = 0x7ff + 2;

export class HdlcFramer extends BufferingFramer {
  private readonly maxFrameSize: number;
  /** The flag at buf[0] already went out as the closing flag of the previous frame. */
  private leadingFlagDelivered = false;

  constructor(options: FramerOptions = {}) {
    super(options);
    this.maxFrameSize = options.maxFrameSize ?? HDLC_MAX_FRAME_SIZE;
  }

  override reset(): void {
    super.reset();
    this.leadingFlagDelivered = false;
  }

  override feed(chunk: Uint8Array, nowMs: number): FramerEvent[] {
    // The last frame's closing flag, kept as a possible opening, then a chunk that opens with a
    // flag of its own: the kept flag is fill, as drain() would find. Dropping it here lets the
    // chunk be read in place instead of joined to one byte.
    if (this.buf.length === 1 && this.buf[0] === FLAG && chunk[0] === FLAG) {
      this.buf = NOTHING_HELD;
      this.leadingFlagDelivered = false;
    }
    return super.feed(chunk, nowMs);
  }

  protected unfinished(): boolean {
    // A lone flag is fill (or the shared flag of the last frame), not an unfinished frame.
    return this.buf.length > 1 || (this.buf.length === 1 && this.buf[0] !== FLAG);
  }

  protected drain(nowMs: number, events: FramerEvent[]): void {
    for (;;) {
      const b = this.buf;
      if (b.length === 0) return;
      if (b[0] !== FLAG) {
        const flag = b.indexOf(FLAG);
        this.dropFront(flag < 0 ? b.length : flag, 'no-start', nowMs, events);
        continue;
      }
      if (b.length < 2) return;
      if (b[1] === FLAG) {
        // Repeated flags are fill; the last of them opens the next frame.
        this.buf = b.subarray(1);
        this.leadingFlagDelivered = false;
        continue;
      }
      if (b.length < 3) return;
      const f0 = b[1] as number;
      const length = ((f0 & 0x07) << 8) | (b[2] as number);
      if (f0 >>> 4 !== FORMAT_TYPE || length < MIN_LENGTH) {
        this.skipToNextStart('bad-header', nowMs, events);
        continue;
      }
      if (length + 2 > this.maxFrameSize) {
        this.skipToNextStart('too-long', nowMs, events);
        continue;
      }
      if (b.length < length + 2) return;
      if (b[length + 1] !== FLAG) {
        this.skipToNextStart('no-closing-flag', nowMs, events);
        continue;
      }
      events.push({ type: 'frame', bytes: b.slice(0, length + 2), at: nowMs });
      // Keep the closing flag: it may open the next frame. When it is all that is left (a chunk
      // of whole frames, the usual case) it is the shared one-flag buffer, not a view per frame.
      this.buf = b.length === length + 2 ? FLAG_ONLY : b.subarray(length + 1);
      this.leadingFlagDelivered = true;
    }
  }

  protected skipToNextStart(reason: DiscardReason, nowMs: number, events: FramerEvent[]): void {
    const next = this.buf.indexOf(FLAG, 1);
    this.dropFront(next < 0 ? this.buf.length : next, reason, nowMs, events);
  }

  private dropFront(n: number, reason: DiscardReason, nowMs: number, events: FramerEvent[]): void {
    const from = this.leadingFlagDelivered && this.buf[0] === FLAG ? 1 : 0;
    this.discard(n, from, reason, nowMs, events);
    this.leadingFlagDelivered = false;
  }
}
