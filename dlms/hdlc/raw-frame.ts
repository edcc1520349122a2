/**
 * Frame assembly with every field under the caller's control (IEC 62056-46 / Green Book
 * 8.4.3.1 frame format). `encodeFrame` uses it with no overrides; negative tests use the
 * overrides to build frames that are wrong in exactly one chosen way: a wrong length, a bad
 * HCS or FCS, a missing flag, any control byte, address bytes of any shape.
 *
 * Checks that follow a deliberately wrong field are computed over the bytes as sent, so a frame
 * with a wrong length field still has a correct FCS: the length is its only fault.
 */
import { ByteWriter } from '../bytes/writer';
import { addressBytes, type HdlcAddress } from './address';
import { fcs16 } from './fcs';

/** Green Book 8.4.3.1: the opening and closing flag. */
export const HDLC_FLAG = 0x7e;
/** Green Book 8.4.3.2: frame format type 3 (binary 1010), the only one IEC 62056-46 uses. */
export const FRAME_FORMAT_TYPE = 0xa;
/** Green Book 8.4.3.2: the segmentation bit S in the first frame format byte. */
export const SEGMENTATION_BIT = 0x08;
/** Green Book 8.4.3.2: the frame length sub-field has 11 bits. */
export const MAX_FRAME_LENGTH = 0x7ff;

/** What a check-sequence override does: a fixed value, the correct value corrupted, or no field at all. */
export type CheckOverride = number | 'corrupt' | 'omit';

export interface RawFrameOverrides {
  /** The 4-bit format type; default 0xA. */
  readonly formatType?: number;
  /** The 11-bit length field; default the true length between the flags. */
  readonly length?: number;
  /**
   * The HCS. By default it is present, and correct, exactly when the information field is not
   * empty; a number or 'corrupt' forces one even before an empty information field.
   */
  readonly hcs?: CheckOverride;
  /** The FCS; by default correct. */
  readonly fcs?: CheckOverride;
  /** The opening flag byte, or null for none; default 0x7E. */
  readonly openingFlag?: number | null;
  /** The closing flag byte, or null for none; default 0x7E. */
  readonly closingFlag?: number | null;
}

export interface RawFrame {
  /** An address, or its bytes exactly as they should go out (any length, any extension bits). */
  readonly destination: HdlcAddress | Uint8Array;
  readonly source: HdlcAddress | Uint8Array;
  /** The control byte as sent: any of the 256 values. */
  readonly control: number;
  readonly segmented?: boolean;
  readonly info?: Uint8Array;
  readonly overrides?: RawFrameOverrides;
}

function addressField(a: HdlcAddress | Uint8Array): Uint8Array {
  return a instanceof Uint8Array ? a : addressBytes(a);
}

function check(override: CheckOverride | undefined, correct: number): number | undefined {
  if (override === 'omit') return undefined;
  if (override === 'corrupt') return correct ^ 0xffff;
  return override ?? correct;
}

export function encodeRawFrame(frame: RawFrame): Uint8Array {
  const o = frame.overrides ?? {};
  const info = frame.info ?? new Uint8Array(0);
  const dst = addressField(frame.destination);
  const src = addressField(frame.source);
  const hcsPresent = o.hcs === 'omit' ? false : info.length > 0 || o.hcs !== undefined;
  const trueLength = 2 + dst.length + src.length + 1 + (hcsPresent ? 2 : 0) + info.length + (o.fcs === 'omit' ? 0 : 2);
  const length = (o.length ?? trueLength) & MAX_FRAME_LENGTH;
  const formatType = (o.formatType ?? FRAME_FORMAT_TYPE) & 0xf;

  // Body = everything the FCS covers: frame format through the information field.
  const body = new ByteWriter()
    .u8((formatType << 4) | (frame.segmented ? SEGMENTATION_BIT : 0) | (length >>> 8))
    .u8(length & 0xff)
    .bytes(dst)
    .bytes(src)
    .u8(frame.control);
  if (hcsPresent) {
    const header = body.finish();
    const hcs = check(o.hcs, fcs16(header)) as number;
    body.u8(hcs & 0xff).u8(hcs >>> 8);
  }
  body.bytes(info);
  const covered = body.finish();

  const out = new ByteWriter();
  const opening = o.openingFlag === undefined ? HDLC_FLAG : o.openingFlag;
  if (opening !== null) out.u8(opening);
  out.bytes(covered);
  const fcs = check(o.fcs, fcs16(covered));
  if (fcs !== undefined) out.u8(fcs & 0xff).u8(fcs >>> 8);
  const closing = o.closingFlag === undefined ? HDLC_FLAG : o.closingFlag;
  if (closing !== null) out.u8(closing);
  return out.finish();
}
