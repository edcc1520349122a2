/**
 * Decodes lines of hex the way people paste them into `dlmsct decode`: an HDLC frame (7E …), a
 * wrapper PDU (version 0001) or a bare APDU (xDLMS or ACSE), recognised by their first bytes.
 * A line may start with a time (ISO 8601 or HH:MM:SS.mmm) and a direction (`C2S`/`S2C` as in
 * the vector recordings, or `tx`/`rx`); without a direction it is inferred from the LLC header,
 * the HDLC frame type or the APDU (requests go from client to server). Segmented HDLC frames
 * (S bit, Green Book 8.4.4) are joined per direction and the whole APDU is decoded once complete,
 * as its own record, as the client does in traces. A failure is shown at its layer with its code
 * and byte offset, never thrown.
 */
import { concatBytes, fromHex, isDecodeError } from '../../dlms/bytes';
import { decodePduBytes } from '../../dlms/pdu/pdu';
import { decodeFrame, type HdlcFrame } from '../../dlms/hdlc/frame';
import { stripLlc } from '../../dlms/hdlc/llc';
import type { DecodedLayer, Direction, TraceRecord } from '../../dlms/trace';
import { WRAPPER_HEADER_LENGTH, WRAPPER_VERSION } from '../../dlms/wrapper/header';
import { apduLayer, describeHdlcBytes, describeWrapperBytes } from '../../client/describe';

/** IEC 62056-46 opening and closing flag. */
const HDLC_FLAG = 0x7e;
/** HDLC frame types only a client sends (commands) and only a server sends (responses), Green Book 8.4.3.4. */
const CLIENT_FRAMES = new Set(['SNRM', 'DISC']);
const SERVER_FRAMES = new Set(['UA', 'DM', 'FRMR']);

const TIME = /^(\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?|\d\d:\d\d:\d\d(?:\.\d+)?)\s+/;
const DIRECTION = /^(C2S|S2C|tx|rx)\s+/i;

export interface LineDecoder {
  /** The records of one line: the frame, and the reassembled APDU when the line completed one. */
  decode(line: string): TraceRecord[];
}

export function lineDecoder(): LineDecoder {
  let index = 0;
  let firstTime: number | undefined;
  const segments: Record<Direction, Uint8Array[]> = { tx: [], rx: [] };
  // Addresses seen with a known direction: a later frame between the same two stations (an RR,
  // a continuation segment) goes the same way.
  const byAddress = new Map<string, Direction>();
  return {
    decode(raw) {
      let line = raw.trim();
      let at = index++;
      const t = TIME.exec(line);
      if (t) {
        const ms = timeMs(t[1]!);
        firstTime ??= ms;
        at = ms - firstTime;
        line = line.slice(t[0].length);
      }
      const d = DIRECTION.exec(line);
      if (d) line = line.slice(d[0].length);
      let bytes: Uint8Array;
      try {
        bytes = fromHex(line);
      } catch (e) {
        const error = isDecodeError(e) ? { code: e.code, offset: e.offset, expected: e.expected, actual: e.actual } : undefined;
        return [{ at, dir: 'event', layers: [{ layer: 'hex', summary: 'not hex', ...(error ? { error } : {}) }], note: raw.trim().slice(0, 40) }];
      }
      const given: Direction | undefined = d ? (/^(S2C|rx)$/i.test(d[1]!) ? 'rx' : 'tx') : undefined;
      const frame = isHdlc(bytes) ? frameOf(bytes) : undefined;
      const link = frame ? JSON.stringify([frame.destination, frame.source]) : undefined;
      const back = frame ? byAddress.get(JSON.stringify([frame.source, frame.destination])) : undefined;
      const known = (link === undefined ? undefined : byAddress.get(link)) ?? (back === undefined ? undefined : back === 'tx' ? 'rx' : 'tx');
      const inferred = given !== undefined ? undefined : (inferDirection(bytes) ?? (known ? { dir: known, from: 'the HDLC addresses' } : undefined));
      const dir: Direction = given ?? inferred?.dir ?? 'tx';
      const note =
        given !== undefined
          ? undefined
          : inferred
            ? `direction inferred from ${inferred.from}`
            : 'direction not given and not inferable; taken as client to server';
      if (!isHdlc(bytes)) return [{ at, dir, bytes, layers: decodeLayers(bytes), ...(note ? { note } : {}) }];
      if (link !== undefined && (given !== undefined || inferred)) byAddress.set(link, dir);

      const continuation = segments[dir].length > 0;
      const record: TraceRecord = { at, dir, bytes, layers: describeHdlcBytes(bytes, continuation), ...(note ? { note } : {}) };
      if (!frame || (frame.type !== 'I' && frame.type !== 'UI') || frame.info.length === 0) return [record];
      if (!frame.segmented && !continuation) return [record];
      segments[dir].push(frame.info);
      if (frame.segmented) return [record];
      const whole = concat(segments[dir]);
      const count = segments[dir].length;
      segments[dir] = [];
      return [
        record,
        {
          at,
          dir: 'event',
          layers: reassembled(whole),
          note: `APDU reassembled from ${count} segments (${dir === 'tx' ? 'client to server' : 'server to client'})`,
        },
      ];
    },
  };
}

/** One line on its own (no segments, no times): what `dlmsct decode HEX` shows. */
export function decodeAnyHex(line: string, at = 0): TraceRecord {
  const r = lineDecoder().decode(line)[0]!;
  return { ...r, at };
}

export function decodeLayers(bytes: Uint8Array): DecodedLayer[] {
  // Anything that starts with the flag is an HDLC frame, a truncated one included (7E, 7EA0…).
  if (isHdlc(bytes)) return describeHdlcBytes(bytes);
  if (bytes.length >= WRAPPER_HEADER_LENGTH && (((bytes[0] as number) << 8) | (bytes[1] as number)) === WRAPPER_VERSION) return describeWrapperBytes(bytes);
  return [apduLayer(bytes)];
}

function isHdlc(bytes: Uint8Array): boolean {
  return bytes[0] === HDLC_FLAG;
}

function frameOf(bytes: Uint8Array): HdlcFrame | undefined {
  try {
    return decodeFrame(bytes);
  } catch (e) {
    if (isDecodeError(e)) return undefined;
    throw e;
  }
}

function reassembled(whole: Uint8Array): DecodedLayer[] {
  try {
    const { kind, apdu } = stripLlc(whole);
    return [{ layer: 'llc', summary: kind }, apduLayer(apdu, 3)];
  } catch (e) {
    if (isDecodeError(e))
      return [{ layer: 'llc', summary: `undecodable: ${e.message}`, error: { code: e.code, offset: e.offset, expected: e.expected, actual: e.actual } }];
    throw e;
  }
}

/** Who sent it: the LLC header (E6 E6 request, E6 E7 response), the HDLC frame type, or the APDU. */
export function inferDirection(bytes: Uint8Array): { dir: Direction; from: string } | undefined {
  let apdu: Uint8Array | undefined = bytes;
  if (isHdlc(bytes)) {
    const frame = frameOf(bytes);
    if (!frame) return undefined;
    if (CLIENT_FRAMES.has(frame.type)) return { dir: 'tx', from: `the ${frame.type} frame` };
    if (SERVER_FRAMES.has(frame.type)) return { dir: 'rx', from: `the ${frame.type} frame` };
    if ((frame.type !== 'I' && frame.type !== 'UI') || frame.info.length < 3) return undefined;
    try {
      const { kind } = stripLlc(frame.info);
      return { dir: kind === 'request' ? 'tx' : 'rx', from: `the LLC header (${kind})` };
    } catch (e) {
      if (!isDecodeError(e)) throw e;
      apdu = undefined; // a continuation segment: no LLC, no APDU start
    }
  } else if (bytes.length >= WRAPPER_HEADER_LENGTH && (((bytes[0] as number) << 8) | (bytes[1] as number)) === WRAPPER_VERSION) {
    apdu = bytes.subarray(WRAPPER_HEADER_LENGTH);
  }
  if (!apdu) return undefined;
  try {
    const pdu = decodePduBytes(apdu);
    const name = pdu.type === 'ciphered' ? String(pdu.tag) : pdu.type;
    if (/notification|response|^aare$|^rlre$|confirmed-service-error/.test(name)) return { dir: 'rx', from: `the APDU (${name})` };
    if (/request|^aarq$|^rlrq$/.test(name)) return { dir: 'tx', from: `the APDU (${name})` };
  } catch (e) {
    if (!isDecodeError(e)) throw e;
  }
  return undefined;
}

const concat = (parts: readonly Uint8Array[]): Uint8Array => concatBytes(...parts);

/** Milliseconds of a timestamp: since the epoch for a date-time, since midnight for a time of day. */
function timeMs(text: string): number {
  if (/^\d\d:/.test(text)) {
    const [h, m, s] = text.split(':').map(Number) as [number, number, number];
    return ((h * 60 + m) * 60 + s) * 1000;
  }
  return Date.parse(text.replace(' ', 'T'));
}
