/**
 * How a careless HDLC implementation reads frames, for the simulator's faults only: a framer
 * that cuts the stream at flags and ignores the length field, and a decoder that takes the
 * addresses and the control byte of a frame whatever is wrong with its format, length, check
 * sequences or address lengths. The correct server never uses this file.
 */
import { ByteReader } from '../../dlms/bytes/reader';
import { isDecodeError } from '../../dlms/bytes';
import { decodeAddress, type HdlcAddress } from '../../dlms/hdlc/address';
import { parseControl } from '../../dlms/hdlc/control';
import { HDLC_FLAG, SEGMENTATION_BIT, type HdlcFrame } from '../../dlms/hdlc/frame';
import type { FramerEvent, StreamFramer } from '../../drivers/framer';

/**
 * Every run of bytes between two flags is a frame; the length field is not read. The
 * inter-octet timeout still holds (Green Book 8.4.3.1): an unfinished frame is dropped after a
 * pause, so that this fault breaks the frame format only, not the timeout
 * (hdlc-ignores-inter-frame-timeout is that other fault).
 */
export class FlagFramer implements StreamFramer {
  private buf: number[] = [];
  private last = 0;

  constructor(private readonly opts: { readonly interByteTimeoutMs?: number } = {}) {}

  get pending(): number {
    return this.buf.length;
  }

  feed(chunk: Uint8Array, nowMs: number): FramerEvent[] {
    this.expire(nowMs);
    const out: FramerEvent[] = [];
    for (const b of chunk) {
      if (b !== HDLC_FLAG) {
        this.buf.push(b);
        continue;
      }
      if (this.buf.length > 0) out.push({ type: 'frame', bytes: Uint8Array.of(HDLC_FLAG, ...this.buf, HDLC_FLAG), at: nowMs });
      this.buf = [];
    }
    this.last = nowMs;
    return out;
  }

  expire(nowMs: number): FramerEvent[] {
    const deadline = this.deadline();
    if (deadline !== undefined && nowMs > deadline) this.buf = [];
    return [];
  }

  deadline(): number | undefined {
    return this.buf.length > 0 && this.opts.interByteTimeoutMs !== undefined ? this.last + this.opts.interByteTimeoutMs : undefined;
  }

  reset(): void {
    this.buf = [];
  }
}

export interface Leniency {
  /** Ignore the format type, the length field and missing check sequences. */
  readonly format: boolean;
  /** Take an address of 3 or 5+ bytes as `own`. */
  readonly addressLength: boolean;
  readonly own: HdlcAddress;
}

/** The address at `bytes[at]` and where the next field starts. */
function address(bytes: Uint8Array, at: number, l: Leniency): { address: HdlcAddress; next: number } | undefined {
  const r = new ByteReader(bytes.subarray(at));
  try {
    const a = decodeAddress(r);
    return { address: a, next: at + r.offset };
  } catch (e) {
    if (!isDecodeError(e) || !l.addressLength) return undefined;
    // Skip to the byte with the extension bit and pretend the address was ours.
    let i = at;
    while (i < bytes.length && ((bytes[i] as number) & 1) === 0) i++;
    return i >= bytes.length ? undefined : { address: l.own, next: i + 1 };
  }
}

/** The frame a careless reader sees in `bytes`, or undefined when even it finds none. */
export function readLeniently(bytes: Uint8Array, l: Leniency): HdlcFrame | undefined {
  const start = bytes[0] === HDLC_FLAG ? 1 : 0;
  const end = bytes[bytes.length - 1] === HDLC_FLAG ? bytes.length - 1 : bytes.length;
  if (end - start < 5) return undefined;
  const segmented = ((bytes[start] as number) & SEGMENTATION_BIT) !== 0;
  const body = bytes.subarray(0, end);
  const dst = address(body, start + 2, l);
  const src = dst === undefined ? undefined : address(body, dst.next, l);
  if (dst === undefined || src === undefined || src.next >= end) return undefined;
  const { address: destination } = dst;
  const { address: source } = src;
  const fields = parseControl(body[src.next] as number);
  if (fields === undefined) return undefined;
  // What follows the control byte: nothing, an FCS, or an HCS, information and an FCS.
  const after = src.next + 1;
  const info = end - after > 4 ? body.slice(after + 2, end - 2) : new Uint8Array(0);
  const a = { destination, source, pf: fields.pf };
  switch (fields.type) {
    case 'I':
      return { type: 'I', ...a, ns: fields.ns, nr: fields.nr, segmented, info };
    case 'RR':
    case 'RNR':
      return { type: fields.type, ...a, nr: fields.nr };
    case 'SNRM':
    case 'UA':
    case 'FRMR':
      return { type: fields.type, ...a, info };
    case 'UI':
      return { type: 'UI', ...a, segmented, info };
    case 'DISC':
    case 'DM':
      return { type: fields.type, ...a };
    default: {
      const never: never = fields.type;
      return never;
    }
  }
}
