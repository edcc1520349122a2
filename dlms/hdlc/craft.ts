/**
 * Frames that are wrong in exactly one named way, for negative tests (DLMS UA 1001-3 HDLC_FRAME
 * and HDLC_ADDRESS test purposes; the rules broken are Green Book 8.4.2 and 8.4.3). Each
 * corruption starts from the correct encoding of a frame and changes one thing, computing every
 * check that follows over the bytes as sent, so the named fault is the frame's only fault.
 */
import { addressBytes, type HdlcAddress } from './address';
import { encodeFrame, encodeRawFrame, frameControl, frameInfo, type HdlcFrame, type RawFrameOverrides } from './frame';

export const CORRUPTIONS = [
  'missing-opening-flag',
  'missing-closing-flag',
  'missing-flags',
  'too-short',
  'wrong-format-type',
  'wrong-length',
  'unknown-control',
  'bad-hcs',
  'bad-fcs',
] as const;
export type Corruption = (typeof CORRUPTIONS)[number];

/**
 * A control byte no DLMS frame type has (Green Book 8.4.3.4 defines I, RR, RNR, SNRM, DISC,
 * UA, DM, FRMR and UI only): 1111 P 111 is no U-frame code, and P is set so a poll is asked.
 */
export const UNKNOWN_CONTROL = 0xff;
/** A format type other than 3 (1010), Green Book 8.4.3.2: 1000. */
export const WRONG_FORMAT_TYPE = 0x8;

export interface CraftOptions {
  /** Address bytes sent instead of the frame's own (3- or 5-byte addresses, a 2-byte client address). */
  readonly destinationBytes?: Uint8Array;
  readonly sourceBytes?: Uint8Array;
}

function overridesFor(corrupt: Corruption, trueLength: number): RawFrameOverrides | undefined {
  switch (corrupt) {
    case 'missing-opening-flag':
      return { openingFlag: null };
    case 'missing-closing-flag':
      return { closingFlag: null };
    case 'missing-flags':
      return { openingFlag: null, closingFlag: null };
    case 'wrong-format-type':
      return { formatType: WRONG_FORMAT_TYPE };
    case 'wrong-length':
      // One less than the bytes between the flags: the frame ends after where its length says.
      return { length: trueLength - 1 };
    case 'bad-hcs':
      return { hcs: 'corrupt' };
    case 'bad-fcs':
      return { fcs: 'corrupt' };
    case 'too-short':
    case 'unknown-control':
      return undefined;
    default: {
      const never: never = corrupt;
      throw new Error(`unknown corruption ${String(never)}`);
    }
  }
}

/** The bytes of `frame`, broken as `corrupt` says (or intact), with any address bytes replaced. */
export function craftFrame(frame: HdlcFrame, corrupt?: Corruption, options: CraftOptions = {}): Uint8Array {
  const destination = options.destinationBytes ?? addressBytes(frame.destination);
  const source = options.sourceBytes ?? addressBytes(frame.source);
  if (corrupt === undefined && options.destinationBytes === undefined && options.sourceBytes === undefined) return encodeFrame(frame);
  const info = frameInfo(frame);
  const segmented = 'segmented' in frame && frame.segmented;
  if (corrupt === 'too-short') {
    // Flag, format, addresses, control, flag: no check sequence at all, the length field true.
    return encodeRawFrame({ destination, source, control: frameControl(frame), segmented, overrides: { fcs: 'omit' } });
  }
  const control = corrupt === 'unknown-control' ? UNKNOWN_CONTROL : frameControl(frame);
  const trueLength = 2 + destination.length + source.length + 1 + (info.length > 0 ? 2 + info.length : 0) + 2;
  const overrides = corrupt === undefined ? undefined : overridesFor(corrupt, trueLength);
  return encodeRawFrame({ destination, source, control, segmented, info, ...(overrides ? { overrides } : {}) });
}

/**
 * Address bytes of a length Green Book 8.4.2.2 does not allow (3 or 5 bytes), carrying the
 * upper and lower address as a 2- or 4-byte address would, with one extra byte in the middle;
 * the extension bit is set on the last byte only.
 */
export function oddAddressBytes(address: HdlcAddress, size: 3 | 5): Uint8Array {
  const upper = address.upper & 0x7f;
  const lower = (address.size === 1 ? 0 : address.lower) & 0x7f;
  const middle = new Array<number>(size - 2).fill(0);
  return Uint8Array.of(upper << 1, ...middle, (lower << 1) | 1);
}
