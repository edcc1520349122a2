/**
 * Decodes one line of hex into a trace record: an HDLC frame (7E … 7E), a wrapper PDU (version
 * 0001) or a bare APDU, recognised by their first bytes; `C2S`/`S2C` prefixes (the vector
 * recordings) set the direction. Each layer gets a one-line summary; a decode failure is shown
 * at its layer with its code and byte offset, never thrown.
 */
import { DecodeError, fromHex, isDecodeError } from '../../dlms/bytes';
import { formatData } from '../../dlms/axdr/format';
import type { Data } from '../../dlms/axdr/data';
import { decodeAare } from '../../dlms/acse/aare';
import { decodeAarq } from '../../dlms/acse/aarq';
import { ByteReader } from '../../dlms/bytes/reader';
import { describeFrameBytes } from '../../dlms/hdlc/describe';
import { decodeFrame } from '../../dlms/hdlc/frame';
import { stripLlc } from '../../dlms/hdlc/llc';
import { decodeWrapper, WRAPPER_HEADER_LENGTH, WRAPPER_VERSION } from '../../dlms/wrapper/header';
import { decodeApduBytes } from '../../dlms/xdlms/apdu';
import type { DecodedLayer, TraceRecord } from '../../dlms/trace';

const HDLC_FLAG = 0x7e;
/** ACSE APDU tags (Green Book 9.3, [APPLICATION n]): AARQ 0x60, AARE 0x61, RLRQ 0x62, RLRE 0x63. */
const ACSE = { aarq: 0x60, aare: 0x61, rlrq: 0x62, rlre: 0x63 } as const;

export function decodeAnyHex(line: string, at = 0): TraceRecord {
  const m = /^(C2S|S2C|tx|rx)\s+(.*)$/i.exec(line.trim());
  const dir = m ? (/^(C2S|tx)$/i.test(m[1] as string) ? 'tx' : 'rx') : 'event';
  const hex = m ? (m[2] as string) : line;
  let bytes: Uint8Array;
  try {
    bytes = fromHex(hex);
  } catch (e) {
    return { at, dir: 'event', layers: [failed('hex', e)], note: 'not hex' };
  }
  return { at, dir: dir === 'event' ? 'tx' : dir, bytes, layers: decodeLayers(bytes), ...(m ? {} : { note: 'direction unknown' }) };
}

export function decodeLayers(bytes: Uint8Array): DecodedLayer[] {
  if (bytes.length >= 2 && bytes[0] === HDLC_FLAG && bytes[bytes.length - 1] === HDLC_FLAG) return hdlcLayers(bytes);
  if (bytes.length >= WRAPPER_HEADER_LENGTH && ((bytes[0] as number) << 8) + (bytes[1] as number) === WRAPPER_VERSION) return wrapperLayers(bytes);
  return apduLayers(bytes, 0);
}

function hdlcLayers(bytes: Uint8Array): DecodedLayer[] {
  const layers: DecodedLayer[] = [describeFrameBytes(bytes)];
  if (layers[0]?.error) return layers;
  const frame = decodeFrame(bytes);
  const info = 'info' in frame && frame.info instanceof Uint8Array ? frame.info : undefined;
  if (!info || info.length === 0 || frame.type !== 'I' && frame.type !== 'UI') return layers;
  const infoAt = bytes.length - 3 - info.length;
  // Only the first segment of a segmented APDU carries the LLC header (Green Book 8.4.3.4).
  if (info[0] !== 0xe6) return [...layers, { layer: 'apdu', summary: `${info.length} B (continuation of a segmented APDU)` }];
  try {
    const llc = stripLlc(info, undefined, infoAt);
    layers.push({ layer: 'llc', summary: `LLC ${llc.kind}` });
    layers.push(...apduLayers(llc.apdu, infoAt + 3));
  } catch (e) {
    layers.push(failed('llc', e));
  }
  return layers;
}

function wrapperLayers(bytes: Uint8Array): DecodedLayer[] {
  try {
    const pdu = decodeWrapper(bytes);
    return [{ layer: 'wrapper', summary: `wrapper ${pdu.source} → ${pdu.destination}, ${pdu.apdu.length} B` }, ...apduLayers(pdu.apdu, WRAPPER_HEADER_LENGTH)];
  } catch (e) {
    return [failed('wrapper', e)];
  }
}

function apduLayers(apdu: Uint8Array, base: number): DecodedLayer[] {
  try {
    const tag = apdu[0];
    if (tag === ACSE.aarq) return [{ layer: 'apdu', summary: summarize(decodeAarq(new ByteReader(apdu, base))) }];
    if (tag === ACSE.aare) return [{ layer: 'apdu', summary: summarize(decodeAare(new ByteReader(apdu, base))) }];
    if (tag === ACSE.rlrq || tag === ACSE.rlre) return [{ layer: 'apdu', summary: `${tag === ACSE.rlrq ? 'rlrq' : 'rlre'} (${apdu.length} B)` }];
    return [{ layer: 'apdu', summary: summarize(decodeApduBytes(apdu, base)) }];
  } catch (e) {
    return [failed('apdu', e)];
  }
}

function failed(layer: string, e: unknown): DecodedLayer {
  if (!isDecodeError(e)) {
    const d = new DecodeError('DECODE_CRASHED', 0, 'a decodable value', e instanceof Error ? e.message : String(e));
    return { layer, summary: 'undecodable', error: { code: d.code, offset: d.offset, expected: d.expected, actual: d.actual } };
  }
  return { layer, summary: `undecodable (${e.code} at byte ${e.offset})`, error: { code: e.code, offset: e.offset, expected: e.expected, actual: e.actual } };
}

const SECRET_FIELDS = new Set(['callingAuthenticationValue', 'respondingAuthenticationValue']);

/** `get-request normal {invokeId: 1, …}`: the type first, then the fields on one line. */
export function summarize(value: unknown): string {
  const v = value as { type?: unknown; variant?: unknown };
  const head = [v.type, v.variant].filter((x) => typeof x === 'string').join(' ');
  return `${head} ${compact(value, 0)}`.trim();
}

function compact(v: unknown, depth: number): string {
  if (v instanceof Uint8Array) return Buffer.from(v).toString('hex').toUpperCase() || '""';
  if (typeof v === 'bigint') return String(v);
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'undefined';
  if (isData(v)) return formatData(v, { maxItems: 8 });
  if (depth > 6) return '…';
  if (Array.isArray(v)) return `[${v.map((x) => compact(x, depth + 1)).join(', ')}]`;
  const parts = Object.entries(v as Record<string, unknown>)
    .filter(([k, x]) => x !== undefined && (depth > 0 || (k !== 'type' && k !== 'variant')))
    .map(([k, x]) => `${k}: ${SECRET_FIELDS.has(k) ? '«secret»' : compact(x, depth + 1)}`);
  return `{${parts.join(', ')}}`;
}

function isData(v: object): v is Data {
  const t = (v as { type?: unknown }).type;
  return typeof t === 'string' && ['structure', 'array', 'octet-string', 'long-unsigned', 'unsigned', 'double-long-unsigned', 'enum', 'integer', 'long', 'visible-string', 'boolean', 'null-data', 'bit-string', 'double-long'].includes(t) && !('variant' in v);
}
