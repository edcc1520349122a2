/**
 * HDLC frames for humans: the one-line summary and the field list with byte ranges that a
 * trace shows (dlms/trace.ts `DecodedLayer`). Ranges are offsets within the frame's bytes,
 * opening flag included, so a report can underline the exact bytes of each field.
 */
import { isDecodeError } from '../bytes/decode-error';
import { toHex } from '../bytes/hex';
import type { DecodedField, DecodedLayer } from '../trace';
import { addressBytes, formatAddress } from './address';
import { fcs16 } from './fcs';
import { decodeFrame, encodeFrame, frameControl, frameInfo, type HdlcFrame } from './frame';
import { parametersOfInfo } from './parameters';

/** `I N(S)=1 N(R)=2 P/F=1 seg 128 B`, `RR N(R)=3 P/F=1`, `UA P/F=1 23 B`. */
export function summarizeFrame(frame: HdlcFrame): string {
  const parts = [summarizeControl(frame)];
  if ('segmented' in frame && frame.segmented) parts.push('seg');
  if ('info' in frame && frame.info.length > 0) parts.push(`${frame.info.length} B`);
  return parts.join(' ');
}

/** What the control byte says: `I N(S)=1 N(R)=2 P/F=1`. */
export function summarizeControl(frame: HdlcFrame): string {
  const parts: string[] = [frame.type];
  if (frame.type === 'I') parts.push(`N(S)=${frame.ns}`);
  if (frame.type === 'I' || frame.type === 'RR' || frame.type === 'RNR') parts.push(`N(R)=${frame.nr}`);
  parts.push(`P/F=${frame.pf ? 1 : 0}`);
  return parts.join(' ');
}

export function describeFrame(frame: HdlcFrame): DecodedLayer {
  const bytes = encodeFrame(frame);
  const dst = addressBytes(frame.destination).length;
  const src = addressBytes(frame.source).length;
  const info = frameInfo(frame);
  const controlAt = 3 + dst + src;
  const fcsAt = bytes.length - 3;
  const control = frameControl(frame);
  const fields: DecodedField[] = [
    { name: 'opening flag', value: '7E', range: [0, 1] },
    { name: 'frame format', value: `type A, S=${'segmented' in frame && frame.segmented ? 1 : 0}, length ${bytes.length - 2}`, range: [1, 3] },
    { name: 'destination address', value: formatAddress(frame.destination), range: [3, 3 + dst] },
    { name: 'source address', value: formatAddress(frame.source), range: [3 + dst, controlAt] },
    { name: 'control', value: `${hex(control)} ${summarizeControl(frame)}`, range: [controlAt, controlAt + 1] },
  ];
  if (info.length > 0) {
    const hcsAt = controlAt + 1;
    fields.push({ name: 'HCS', value: check(fcs16(bytes, 1, hcsAt)), range: [hcsAt, hcsAt + 2] });
    fields.push({ name: 'information', value: `${info.length} B`, range: [hcsAt + 2, fcsAt] });
    if (frame.type === 'SNRM' || frame.type === 'UA') fields.push(...parameterFields(info, hcsAt + 2));
  }
  fields.push({ name: 'FCS', value: check(fcs16(bytes, 1, fcsAt)), range: [fcsAt, fcsAt + 2] });
  fields.push({ name: 'closing flag', value: '7E', range: [bytes.length - 1, bytes.length] });
  return { layer: 'hdlc', summary: summarizeFrame(frame), fields };
}

/** Decodes and describes a frame as received; an undecodable frame is described by its error. */
export function describeFrameBytes(bytes: Uint8Array): DecodedLayer {
  try {
    return describeFrame(decodeFrame(bytes));
  } catch (e) {
    if (!isDecodeError(e)) throw e;
    const { code, offset, expected, actual } = e;
    return { layer: 'hdlc', summary: `undecodable frame (${code} at byte ${offset})`, error: { code, offset, expected, actual } };
  }
}

function parameterFields(info: Uint8Array, at: number): DecodedField[] {
  try {
    return parametersOfInfo(info, at).map((p) => ({ name: p.name, value: `${p.value} (${p.size} B)` }));
  } catch (e) {
    if (!isDecodeError(e)) throw e;
    return [{ name: 'parameters', value: `undecodable: ${e.message}`, range: [e.offset, e.offset + 1] }];
  }
}

function hex(b: number): string {
  return toHex(Uint8Array.of(b));
}

/** A check sequence as it appears on the wire, low byte first. */
function check(v: number): string {
  return toHex(Uint8Array.of(v & 0xff, v >>> 8));
}
