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
import { decodeAddress, type HdlcAddress } from './address';
import { CONTROL, controlByte, parseControl, type HdlcFrameType } from './control';
import { fcs16, fcs16Valid, readCheck } from './fcs';
import { encodeRawFrame, FRAME_FORMAT_TYPE, HDLC_FLAG, SEGMENTATION_BIT } from './raw-frame';

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

export function encodeFrame(frame: HdlcFrame): Uint8Array {
  return encodeRawFrame({
    destination: frame.destination,
    source: frame.source,
    control: frameControl(frame),
    segmented: 'segmented' in frame && frame.segmented,
    info: frameInfo(frame),
  });
}

/** Flag, format (2), destination, source, control, FCS (2), flag. */
export const MIN_FRAME_BYTES = 9;

/**
 * Decodes one whole frame, flags included (as the framer delivers it). `base` is the offset of
 * `bytes[0]` in whatever the caller reports against. The checks run in the order a receiver
 * trusts the bytes: flags, format, length, FCS; then the fields the FCS vouches for.
 */
export function decodeFrame(bytes: Uint8Array, base = 0): HdlcFrame {
  // Annotated so that TypeScript narrows after a call, as it does for a `never` function.
  const fail: (code: string, at: number, expected: string, actual: string) => never = (code, at, expected, actual) => {
    throw new DecodeError(code, base + at, expected, actual);
  };
  const n = bytes.length;
  if (n === 0) fail('HDLC_TOO_SHORT', 0, `at least ${MIN_FRAME_BYTES} bytes`, '0 bytes');
  if (bytes[0] !== HDLC_FLAG) fail('HDLC_NO_OPENING_FLAG', 0, 'opening flag 7E', hex(bytes[0]));
  if (n < MIN_FRAME_BYTES) fail('HDLC_TOO_SHORT', 0, `at least ${MIN_FRAME_BYTES} bytes`, `${n} bytes`);
  if (bytes[n - 1] !== HDLC_FLAG) fail('HDLC_NO_CLOSING_FLAG', n - 1, 'closing flag 7E', hex(bytes[n - 1]));

  const f0 = bytes[1] as number;
  if (f0 >>> 4 !== FRAME_FORMAT_TYPE) fail('HDLC_BAD_FORMAT_TYPE', 1, 'frame format type A (1010)', (f0 >>> 4).toString(16).toUpperCase());
  const length = ((f0 & 0x07) << 8) | (bytes[2] as number);
  if (length !== n - 2) fail('HDLC_LENGTH_MISMATCH', 1, `${n - 2} (the bytes between the flags)`, String(length));
  const segmented = (f0 & SEGMENTATION_BIT) !== 0;

  const fcsAt = n - 3;
  if (!fcs16Valid(bytes, 1, n - 1)) {
    fail('HDLC_BAD_FCS', fcsAt, hex16(fcs16(bytes, 1, fcsAt)), hex16(readCheck(bytes, fcsAt)));
  }

  // Everything from the addresses to the FCS, read with absolute offsets.
  const r = new ByteReader(bytes.subarray(3, fcsAt), base + 3);
  const destination = decodeAddress(r, 'destination address');
  const source = decodeAddress(r, 'source address');
  const controlAt = r.offset - base;
  const control = r.u8('control field');
  const fields = parseControl(control);
  if (fields === undefined) fail('HDLC_UNKNOWN_CONTROL', controlAt, 'I, RR, RNR, SNRM, DISC, UA, DM, FRMR or UI', hex(control));

  let info = new Uint8Array(0);
  if (!r.done) {
    // Green Book 8.4.3.1: an HCS comes only with a non-empty information field.
    if (r.remaining < 3) {
      fail('HDLC_BAD_INFO_LENGTH', controlAt + 1, 'no bytes, or an HCS and at least one information byte', `${r.remaining} byte(s) before the FCS`);
    }
    const hcsAt = controlAt + 1;
    const hcs = readCheck(bytes, hcsAt);
    const want = fcs16(bytes, 1, hcsAt);
    if (hcs !== want) fail('HDLC_BAD_HCS', hcsAt, hex16(want), hex16(hcs));
    r.take(2, 'HCS');
    info = r.rest().slice();
  }

  const rules = CONTROL[fields.type];
  if (info.length > 0 && !rules.info) {
    fail('HDLC_UNEXPECTED_INFO', controlAt + 3, `no information field in ${fields.type}`, `${info.length} byte(s)`);
  }
  if (segmented && !rules.segmentable) fail('HDLC_UNEXPECTED_SEGMENT', 1, `S bit clear in ${fields.type}`, 'S bit set');

  return build(fields.type, { destination, source, pf: fields.pf }, fields.ns, fields.nr, segmented, info);
}

function build(type: HdlcFrameType, a: Addressed, ns: number, nr: number, segmented: boolean, info: Uint8Array): HdlcFrame {
  switch (type) {
    case 'I':
      return { type, ...a, ns, nr, segmented, info };
    case 'RR':
    case 'RNR':
      return { type, ...a, nr };
    case 'SNRM':
    case 'UA':
    case 'FRMR':
      return { type, ...a, info };
    case 'UI':
      return { type, ...a, segmented, info };
    case 'DISC':
    case 'DM':
      return { type, ...a };
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
