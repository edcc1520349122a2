/**
 * Decodes one line of hex into a trace record: an HDLC frame (7E … 7E), a wrapper PDU (version
 * 0001) or a bare APDU (xDLMS or ACSE), recognised by their first bytes; `C2S`/`S2C` (the
 * vector recordings) or `tx`/`rx` prefixes set the direction. The layers are described exactly
 * as the client describes frames in traces (client/describe.ts); a failure is shown at its layer
 * with its code and byte offset, never thrown.
 */
import { fromHex, isDecodeError } from '../../dlms/bytes';
import type { DecodedLayer, TraceRecord } from '../../dlms/trace';
import { WRAPPER_HEADER_LENGTH, WRAPPER_VERSION } from '../../dlms/wrapper/header';
import { apduLayer, describeHdlcBytes, describeWrapperBytes } from '../../client/describe';

/** IEC 62056-46 opening and closing flag. */
const HDLC_FLAG = 0x7e;

export function decodeAnyHex(line: string, at = 0): TraceRecord {
  const m = /^(C2S|S2C|tx|rx)\s+(.*)$/i.exec(line.trim());
  const hex = m ? (m[2] as string) : line;
  let bytes: Uint8Array;
  try {
    bytes = fromHex(hex);
  } catch (e) {
    const error = isDecodeError(e) ? { code: e.code, offset: e.offset, expected: e.expected, actual: e.actual } : undefined;
    return { at, dir: 'event', layers: [{ layer: 'hex', summary: 'not hex', ...(error ? { error } : {}) }], note: line.slice(0, 40) };
  }
  const dir = m && /^(S2C|rx)$/i.test(m[1] as string) ? 'rx' : 'tx';
  return { at, dir, bytes, layers: decodeLayers(bytes), ...(m ? {} : { note: 'direction not given' }) };
}

export function decodeLayers(bytes: Uint8Array): DecodedLayer[] {
  if (bytes.length >= 2 && bytes[0] === HDLC_FLAG && bytes[bytes.length - 1] === HDLC_FLAG) return describeHdlcBytes(bytes);
  if (bytes.length >= WRAPPER_HEADER_LENGTH && (((bytes[0] as number) << 8) | (bytes[1] as number)) === WRAPPER_VERSION) return describeWrapperBytes(bytes);
  return [apduLayer(bytes)];
}
