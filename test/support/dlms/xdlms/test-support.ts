/**
 * Helpers for the tests of dlms/xdlms and dlms/acse (imported by *.test.ts files only): error
 * capture, round trips, and the APDUs of the recorded exchanges in test/vectors/recordings,
 * taken out of their HDLC frames or wrapper PDUs.
 */
import { expect } from 'chai';
import { ByteWriter, DecodeError, fromHex, toHex } from '../../../../dlms/bytes';
import { thrownBy } from '../../../helpers/thrown';
import { readRecording } from '../../../vectors/recording';
import { decodeApduBytes, encodeApdu, type Apdu } from '../../../../dlms/xdlms/apdu';

export const decodeErrorOf = (fn: () => unknown): DecodeError => thrownBy(DecodeError, fn);

/** Encodes, decodes back, and expects the same value. */
export function expectRoundTrip(apdu: Apdu): void {
  const w = new ByteWriter();
  encodeApdu(w, apdu);
  expect(decodeApduBytes(w.finish())).to.deep.equal(apdu);
}

/** A golden vector both ways: `hex` decodes to `value`, and `value` encodes to `hex`. */
export function expectVector(hex: string, value: Apdu): void {
  const bytes = fromHex(hex);
  expect(decodeApduBytes(bytes)).to.deep.equal(value);
  const w = new ByteWriter();
  encodeApdu(w, value);
  expect(toHex(w.finish())).to.equal(toHex(bytes));
}

export const obis = (text: string): Uint8Array => Uint8Array.from(text.split(/[-:.]/).map(Number));

export interface RecordedApdu {
  /** Line of the frame that completed the APDU (1-based, in the .trace file). */
  readonly line: number;
  readonly dir: 'C2S' | 'S2C';
  /** The APDU bytes: HDLC information fields reassembled, LLC header removed; or the wrapper payload. */
  readonly bytes: Uint8Array;
  /** Offset of the APDU's first byte within the frame of `line` (for single-frame APDUs). */
  readonly frameOffset: number;
}

/** HDLC frame (Green Book 8.4.1): flag, format (segmentation bit 0x08), addresses ending in an odd byte, control, HCS, information, FCS, flag. */
function hdlcInformation(frame: Uint8Array): { segmented: boolean; start: number; info: Uint8Array } | undefined {
  let i = 3;
  while (((frame[i] ?? 1) & 1) === 0) i++;
  i++;
  while (((frame[i] ?? 1) & 1) === 0) i++;
  i += 2; // last source address byte, control
  if (frame.length <= i + 3) return undefined; // no information field
  i += 2; // HCS
  return { segmented: ((frame[1] as number) & 0x08) !== 0, start: i, info: frame.subarray(i, frame.length - 3) };
}

/** LLC headers (IEC 62056-46 / Green Book 8.4.5): E6 E6 00 request, E6 E7 00 response. */
const LLC_LENGTH = 3;
/** IEC 62056-47 wrapper header: version, source wPort, destination wPort, length (2 bytes each). */
const WRAPPER_HEADER_LENGTH = 8;

export function recordedApdus(name: string): RecordedApdu[] {
  const out: RecordedApdu[] = [];
  const pending: Record<'C2S' | 'S2C', number[]> = { C2S: [], S2C: [] };
  const wrapper = name.includes('wrapper');
  for (const frame of readRecording(name)) {
    if (wrapper) {
      out.push({ line: frame.line, dir: frame.dir, bytes: frame.bytes.subarray(WRAPPER_HEADER_LENGTH), frameOffset: WRAPPER_HEADER_LENGTH });
      continue;
    }
    const info = hdlcInformation(frame.bytes);
    if (info === undefined) continue;
    const first = pending[frame.dir].length === 0;
    // SNRM/UA parameters and other non-LLC information fields are not APDUs.
    if (first && !(info.info[0] === 0xe6 && (info.info[1] === 0xe6 || info.info[1] === 0xe7))) continue;
    pending[frame.dir].push(...info.info);
    if (info.segmented) continue;
    const all = Uint8Array.from(pending[frame.dir]);
    pending[frame.dir] = [];
    out.push({ line: frame.line, dir: frame.dir, bytes: all.subarray(LLC_LENGTH), frameOffset: first ? info.start + LLC_LENGTH : -1 });
  }
  return out;
}

/** The recorded APDU completed by `line`. */
export function recordedApdu(name: string, line: number): RecordedApdu {
  const found = recordedApdus(name).find((a) => a.line === line);
  if (found === undefined) throw new Error(`${name}:${line} completes no APDU`);
  return found;
}
