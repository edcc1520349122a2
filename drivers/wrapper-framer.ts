/**
 * Finds IEC 62056-47 wrapper PDUs in a TCP byte stream: an 8-byte header (version 0x0001,
 * source wPort, destination wPort, length) and `length` APDU bytes. TCP delivers the stream
 * in arbitrary pieces, so a PDU may arrive split or several in one chunk.
 *
 * A stream that does not start with version 0001 has lost its framing; the framer skips to the
 * next 00 01 and reports what it skipped, so a DUT's stray bytes are visible in the trace. A PDU
 * announced longer than `maxFrameSize` is skipped whole (header and the announced APDU bytes),
 * since scanning inside it for a version field would find false ones in its wPorts and data.
 */
import { BufferingFramer, NOTHING_HELD, type DiscardReason, type FramerEvent, type FramerOptions } from './framer';

/** IEC 62056-47: the version field, the only one defined. Repeated here: drivers/ may not import dlms/. */
const VERSION_HI = 0x00;
const VERSION_LO = 0x01;
const HEADER_LENGTH = 8;
export const WRAPPER_MAX_PDU_SIZE = HEADER_LENGTH + 0xffff;

export class WrapperFramer extends BufferingFramer {
  private readonly maxFrameSize: number;
  /** APDU bytes of a too-long PDU still to be skipped. */
  private skipping = 0;

  constructor(options: FramerOptions = {}) {
    super(options);
    this.maxFrameSize = options.maxFrameSize ?? WRAPPER_MAX_PDU_SIZE;
  }

  override reset(): void {
    super.reset();
    this.skipping = 0;
  }

  protected unfinished(): boolean {
    return this.buf.length > 0 || this.skipping > 0;
  }

  protected drain(nowMs: number, events: FramerEvent[]): void {
    for (;;) {
      const b = this.buf;
      if (b.length === 0) return;
      if (this.skipping > 0) {
        const n = Math.min(this.skipping, b.length);
        this.skipping -= n;
        this.discard(n, 0, 'too-long', nowMs, events);
        continue;
      }
      if (b[0] !== VERSION_HI || (b.length > 1 && b[1] !== VERSION_LO)) {
        this.discard(this.nextStart(0), 0, 'no-start', nowMs, events);
        continue;
      }
      if (b.length < HEADER_LENGTH) return;
      const total = HEADER_LENGTH + (((b[6] as number) << 8) | (b[7] as number));
      if (total > this.maxFrameSize) {
        this.skipping = total - HEADER_LENGTH;
        this.discard(HEADER_LENGTH, 0, 'too-long', nowMs, events);
        continue;
      }
      if (b.length < total) return;
      events.push({ type: 'frame', bytes: b.slice(0, total), at: nowMs });
      // A chunk of whole PDUs (the usual case) leaves nothing: the shared empty buffer, not a view.
      this.buf = b.length === total ? NOTHING_HELD : b.subarray(total);
    }
  }

  /**
   * Only the inter-byte timeout calls this here: an unfinished PDU had a plausible header, so
   * all of it goes, and so does the rest of a too-long PDU being skipped.
   */
  protected skipToNextStart(reason: DiscardReason, nowMs: number, events: FramerEvent[]): void {
    this.skipping = 0;
    this.discard(this.buf.length, 0, reason, nowMs, events);
  }

  /** Index of the first possible version field at or after `from` (a final 00 may be one). */
  private nextStart(from: number): number {
    const b = this.buf;
    for (let i = from; i < b.length; i++) {
      if (b[i] === VERSION_HI && (i + 1 === b.length || b[i + 1] === VERSION_LO)) return i;
    }
    return b.length;
  }
}
