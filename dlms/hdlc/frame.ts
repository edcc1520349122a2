/**
 * HDLC frames as plain data (IEC 62056-46 / Green Book 8.4.3): the `HdlcFrame` union,
 * discriminated on `type`, and its codec.
 *
 * Wire format (Green Book 8.4.3.1):
 *   7E | format type 0xA, S, length (11 bits) | destination | source | control
 *      | [HCS (2) | information]  -- HCS only when the information field is not empty
 *      | FCS (2) | 7E
 * The length counts every byte between the flags. HCS and FCS are sent low byte first.
 *
 * The decoder accepts exactly what the encoder can produce, so a frame that decodes re-encodes
 * to the same bytes; anything else is a DecodeError with its own code.
 */
import { ByteReader } from '../bytes/reader';
import { DecodeError } from '../bytes/decode-error';
import { toHex } from '../bytes/hex';
import { decodeAddress, writeAddress, type HdlcAddress } from './address';
import { CONTROL, controlByte, parseControl, type HdlcFrameType } from './control';
import { fcs16, fcs16Valid, readCheck } from './fcs';
import { FRAME_FORMAT_TYPE, HDLC_FLAG, MAX_FRAME_LENGTH, SEGMENTATION_BIT } from './raw-frame';

export { encodeRawFrame, type RawFrame, type RawFrameOverrides, type CheckOverride } from './raw-frame';
export { HDLC_FLAG, FRAME_FORMAT_TYPE, SEGMENTATION_BIT, MAX_FRAME_LENGTH } from './raw-frame';
export type { HdlcFrameType } from './control';

interface Addressed {
  readonly destination: HdlcAddress;
  readonly source: HdlcAddress;
  /** The poll bit in a command, the final bit in a response (Green Book 8.4.3.4). */
  readonly pf: boolean;
}

export type HdlcFrame =
  | (Addressed & {
      readonly type: 'I';
      /** Send sequence number N(S), 0..7. */
      readonly ns: number;
      /** Receive sequence number N(R), 0..7: the next N(S) the sender expects. */
      readonly nr: number;
      /** The S bit: more segments of this APDU follow (Green Book 8.4.3.2). */
      readonly segmented: boolean;
      readonly info: Uint8Array;
    })
  | (Addressed & { readonly type: 'RR' | 'RNR'; readonly nr: number })
  /** SNRM and UA carry the negotiation parameters (parameters.ts), FRMR the reject reason; any may be empty. */
  | (Addressed & { readonly type: 'SNRM' | 'UA' | 'FRMR'; readonly info: Uint8Array })
  | (Addressed & { readonly type: 'UI'; readonly segmented: boolean; readonly info: Uint8Array })
  | (Addressed & { readonly type: 'DISC' | 'DM' });

/** The variant of one frame type: `FrameOfType<'UA'>` has `info`, `FrameOfType<'RR'>` has `nr`. */
export type FrameOfType<T extends HdlcFrameType> = HdlcFrame & { readonly type: T };

/** The frame's information field; empty for types that carry none. */
export function frameInfo(frame: HdlcFrame): Uint8Array {
  return 'info' in frame ? frame.info : new Uint8Array(0);
}

/** The frame's control byte. */
export function frameControl(frame: HdlcFrame): number {
  switch (frame.type) {
    case 'I':
      return controlByte({ type: 'I', pf: frame.pf, ns: frame.ns, nr: frame.nr });
    case 'RR':
    case 'RNR':
      return controlByte({ type: frame.type, pf: frame.pf, ns: 0, nr: frame.nr });
    case 'SNRM':
    case 'UA':
    case 'FRMR':
    case 'UI':
    case 'DISC':
    case 'DM':
      return controlByte({ type: frame.type, pf: frame.pf, ns: 0, nr: 0 });
    default:
      return unreachable(frame);
  }
}

/**
 * The frame's bytes, built in one buffer of the exact size: the bytes `encodeRawFrame` gives with
 * no overrides (test/vectors and frame.test.ts hold them equal), without its growable writers,
 * the copies they finish with, or an array per address. Every frame the client sends goes here.
 */
export function encodeFrame(frame: HdlcFrame): Uint8Array {
  const info = 'info' in frame ? frame.info : NO_INFO;
  const body = ADDRESSES_AT + frame.destination.size + frame.source.size + 1 + (info.length > 0 ? CHECK_BYTES + info.length : 0);
  // Between the flags: everything up to the information field, and the FCS.
  const length = (body - 1 + CHECK_BYTES) & MAX_FRAME_LENGTH;
  const out = new Uint8Array(body + CHECK_BYTES + 1);
  out[0] = HDLC_FLAG;
  out[1] = (FRAME_FORMAT_TYPE << 4) | ('segmented' in frame && frame.segmented ? SEGMENTATION_BIT : 0) | (length >>> 8);
  out[2] = length & 0xff;
  let at = ADDRESSES_AT;
  at += writeAddress(out, at, frame.destination);
  at += writeAddress(out, at, frame.source);
  out[at++] = frameControl(frame);
  if (info.length > 0) {
    at = writeCheck(out, at, fcs16(out, 1, at));
    out.set(info, at);
    at += info.length;
  }
  at = writeCheck(out, at, fcs16(out, 1, at));
  out[at] = HDLC_FLAG;
  return out;
}

const NO_INFO = new Uint8Array(0);
/** The opening flag and the two frame format bytes come before the destination address. */
const ADDRESSES_AT = 3;
/** The HCS and the FCS are two bytes each (Green Book 8.4.3.7, 8.4.3.8). */
const CHECK_BYTES = 2;

/** Writes a check sequence low byte first (RFC 1662 C.2); returns the offset after it. */
function writeCheck(out: Uint8Array, at: number, check: number): number {
  out[at] = check & 0xff;
  out[at + 1] = check >>> 8;
  return at + CHECK_BYTES;
}

/** Flag, format (2), destination, source, control, FCS (2), flag. */
export const MIN_FRAME_BYTES = 9;

/** How `decodeFrame` hands out the information field. */
export interface FrameDecodeOptions {
  /**
   * A view into `bytes` instead of a copy: for a caller that owns `bytes` and never writes to
   * them again (the client's link: the framer's frames are fresh arrays, kept as they are by the
   * trace). Anyone else gets a copy, so a reused receive buffer cannot change a decoded frame.
   */
  readonly infoView?: boolean;
}

/**
 * Decodes one whole frame, flags included (as the framer delivers it). `base` is the offset of
 * `bytes[0]` in whatever the caller reports against. The checks run in the order a receiver
 * trusts the bytes: flags, format, length, FCS; then the fields the FCS vouches for.
 */
export function decodeFrame(bytes: Uint8Array, base = 0, options?: FrameDecodeOptions): HdlcFrame {
  const n = bytes.length;
  if (n === 0) fail(base, 'HDLC_TOO_SHORT', 0, `at least ${MIN_FRAME_BYTES} bytes`, '0 bytes');
  if (bytes[0] !== HDLC_FLAG) fail(base, 'HDLC_NO_OPENING_FLAG', 0, 'opening flag 7E', hex(bytes[0]));
  if (n < MIN_FRAME_BYTES) fail(base, 'HDLC_TOO_SHORT', 0, `at least ${MIN_FRAME_BYTES} bytes`, `${n} bytes`);
  if (bytes[n - 1] !== HDLC_FLAG) fail(base, 'HDLC_NO_CLOSING_FLAG', n - 1, 'closing flag 7E', hex(bytes[n - 1]));

  const f0 = bytes[1] as number;
  if (f0 >>> 4 !== FRAME_FORMAT_TYPE) fail(base, 'HDLC_BAD_FORMAT_TYPE', 1, 'frame format type A (1010)', (f0 >>> 4).toString(16).toUpperCase());
  const length = ((f0 & 0x07) << 8) | (bytes[2] as number);
  if (length !== n - 2) fail(base, 'HDLC_LENGTH_MISMATCH', 1, `${n - 2} (the bytes between the flags)`, String(length));
  const segmented = (f0 & SEGMENTATION_BIT) !== 0;

  const fcsAt = n - 3;
  if (!fcs16Valid(bytes, 1, n - 1)) {
    fail(base, 'HDLC_BAD_FCS', fcsAt, hex16(fcs16(bytes, 1, fcsAt)), hex16(readCheck(bytes, fcsAt)));
  }

  // Everything from the addresses to the FCS, read with absolute offsets.
  const r = new ByteReader(bytes.subarray(3, fcsAt), base + 3);
  const destination = decodeAddress(r, 'destination address');
  const source = decodeAddress(r, 'source address');
  const controlAt = r.offset - base;
  const control = r.u8('control field');
  const fields = parseControl(control);
  if (fields === undefined) fail(base, 'HDLC_UNKNOWN_CONTROL', controlAt, 'I, RR, RNR, SNRM, DISC, UA, DM, FRMR or UI', hex(control));

  let info: Uint8Array = NO_INFO;
  if (!r.done) {
    // Green Book 8.4.3.1: an HCS comes only with a non-empty information field.
    if (r.remaining < 3) {
      fail(base, 'HDLC_BAD_INFO_LENGTH', controlAt + 1, 'no bytes, or an HCS and at least one information byte', `${r.remaining} byte(s) before the FCS`);
    }
    const hcsAt = controlAt + 1;
    const hcs = readCheck(bytes, hcsAt);
    const want = fcs16(bytes, 1, hcsAt);
    if (hcs !== want) fail(base, 'HDLC_BAD_HCS', hcsAt, hex16(want), hex16(hcs));
    // The information field runs from after the HCS to the FCS (the length checks above hold it whole).
    const infoAt = hcsAt + 2;
    info = options?.infoView === true ? bytes.subarray(infoAt, fcsAt) : bytes.slice(infoAt, fcsAt);
  }

  const rules = CONTROL[fields.type];
  if (info.length > 0 && !rules.info) {
    fail(base, 'HDLC_UNEXPECTED_INFO', controlAt + 3, `no information field in ${fields.type}`, `${info.length} byte(s)`);
  }
  if (segmented && !rules.segmentable) fail(base, 'HDLC_UNEXPECTED_SEGMENT', 1, `S bit clear in ${fields.type}`, 'S bit set');
  // An empty field is a fresh array per frame, as it always was: no frame shares one with another.
  if (info === NO_INFO) info = new Uint8Array(0);

  return build(fields.type, destination, source, fields.pf, fields.ns, fields.nr, segmented, info);
}

/** A decoding failure at `at` within the frame, reported at `base + at`. */
function fail(base: number, code: string, at: number, expected: string, actual: string): never {
  throw new DecodeError(code, base + at, expected, actual);
}

/** Each variant written out as a literal in one field order (a spread of the shared fields cost a copy per frame). */
function build(
  type: HdlcFrameType,
  destination: HdlcAddress,
  source: HdlcAddress,
  pf: boolean,
  ns: number,
  nr: number,
  segmented: boolean,
  info: Uint8Array,
): HdlcFrame {
  switch (type) {
    case 'I':
      return { type, destination, source, pf, ns, nr, segmented, info };
    case 'RR':
    case 'RNR':
      return { type, destination, source, pf, nr };
    case 'SNRM':
    case 'UA':
    case 'FRMR':
      return { type, destination, source, pf, info };
    case 'UI':
      return { type, destination, source, pf, segmented, info };
    case 'DISC':
    case 'DM':
      return { type, destination, source, pf };
    default:
      return unreachable(type);
  }
}

function hex(b: number | undefined): string {
  return b === undefined ? 'nothing' : toHex(Uint8Array.of(b));
}

function hex16(v: number): string {
  return `0x${v.toString(16).toUpperCase().padStart(4, '0')}`;
}

function unreachable(x: never): never {
  throw new Error(`unreachable: ${JSON.stringify(x)}`);
}
