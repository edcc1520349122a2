/**
 * The wrapper sub-layer of DLMS/COSEM over TCP and UDP (IEC 62056-47 / Green Book 7.3.3):
 *
 *   version (2) = 0x0001 | source wPort (2) | destination wPort (2) | length (2) | APDU
 *
 * All fields big-endian; the length counts the APDU bytes only. wPorts are the SAPs: the
 * client SAP on the client side, the logical device's SAP on the server side.
 */
import { DecodeError } from '../bytes/decode-error';
import { toHex } from '../bytes/hex';
import { ByteReader } from '../bytes/reader';
import { ByteWriter } from '../bytes/writer';

/** IEC 62056-47 5.4.2: the only wrapper version. */
export const WRAPPER_VERSION = 0x0001;
export const WRAPPER_HEADER_LENGTH = 8;
/** The length field is 16 bits. */
export const WRAPPER_MAX_APDU_LENGTH = 0xffff;

/** Reserved wPorts (Green Book 7.3.3.x, table "Reserved wrapper port numbers"). */
export const CLIENT_WPORT = { noStation: 0x0000, clientManagementProcess: 0x0001, publicClient: 0x0010 } as const;
export const SERVER_WPORT = { noStation: 0x0000, managementLogicalDevice: 0x0001, allStation: 0x007f } as const;

export interface WrapperPdu {
  readonly source: number;
  readonly destination: number;
  readonly apdu: Uint8Array;
}

export interface WrapperHeader {
  readonly version: number;
  readonly source: number;
  readonly destination: number;
  readonly length: number;
}

export function encodeWrapperHeader(w: ByteWriter, h: WrapperHeader): void {
  w.u16(h.version).u16(h.source).u16(h.destination).u16(h.length);
}

/** Reads the 8 header bytes; WRAPPER_TRUNCATED when fewer remain, WRAPPER_BAD_VERSION unless 0x0001. */
export function decodeWrapperHeader(r: ByteReader): WrapperHeader {
  if (r.remaining < WRAPPER_HEADER_LENGTH) {
    r.fail('WRAPPER_TRUNCATED', `a wrapper header of ${WRAPPER_HEADER_LENGTH} bytes`, `${r.remaining} byte(s)`);
  }
  const at = r.offset;
  const version = r.u16('wrapper version');
  if (version !== WRAPPER_VERSION) {
    throw new DecodeError('WRAPPER_BAD_VERSION', at, 'version 0001', toHex(Uint8Array.of(version >>> 8, version & 0xff)));
  }
  return { version, source: r.u16('source wPort'), destination: r.u16('destination wPort'), length: r.u16('wrapper length') };
}

/**
 * Overrides for building deliberately wrong PDUs: another version, a length field that does not
 * match the APDU. Left out, each field is correct.
 */
export interface WrapperOverrides {
  readonly version?: number;
  readonly length?: number;
}

export function encodeRawWrapper(pdu: WrapperPdu, overrides: WrapperOverrides = {}): Uint8Array {
  const w = new ByteWriter();
  encodeWrapperHeader(w, {
    version: overrides.version ?? WRAPPER_VERSION,
    source: pdu.source,
    destination: pdu.destination,
    length: overrides.length ?? pdu.apdu.length,
  });
  return w.bytes(pdu.apdu).finish();
}

/**
 * The PDU's bytes, in one buffer of the exact size: what `encodeRawWrapper` gives with no
 * overrides (header.test.ts holds them equal), without a growable writer and its final copy.
 */
export function encodeWrapper(pdu: WrapperPdu): Uint8Array {
  const n = pdu.apdu.length;
  if (n > WRAPPER_MAX_APDU_LENGTH) throw new RangeError(`APDU of ${n} bytes exceeds the wrapper's 16-bit length`);
  const out = new Uint8Array(WRAPPER_HEADER_LENGTH + n);
  put16(out, 0, WRAPPER_VERSION);
  put16(out, 2, pdu.source);
  put16(out, 4, pdu.destination);
  put16(out, 6, n);
  out.set(pdu.apdu, WRAPPER_HEADER_LENGTH);
  return out;
}

/** A header field, most significant byte first (Green Book 7.3.3.1). */
function put16(out: Uint8Array, at: number, v: number): void {
  out[at] = (v >>> 8) & 0xff;
  out[at + 1] = v & 0xff;
}

/** How `decodeWrapper` hands out the APDU. */
export interface WrapperDecodeOptions {
  /**
   * A view into `bytes` instead of a copy: for a caller that owns `bytes` and never writes to
   * them again (the client's link: the framer's PDUs are fresh arrays, kept as they are by the
   * trace). Anyone else gets a copy, so a reused receive buffer cannot change a decoded PDU.
   */
  readonly apduView?: boolean;
}

/**
 * Decodes one whole wrapper PDU (as the framer delivers it). An APDU longer or shorter than the
 * length field says is WRAPPER_LENGTH_MISMATCH, reported at the length field.
 */
export function decodeWrapper(bytes: Uint8Array, base = 0, options?: WrapperDecodeOptions): WrapperPdu {
  const r = new ByteReader(bytes, base);
  const h = decodeWrapperHeader(r);
  if (r.remaining !== h.length) {
    throw new DecodeError('WRAPPER_LENGTH_MISMATCH', base + 6, `${r.remaining} (the APDU bytes present)`, String(h.length));
  }
  return { source: h.source, destination: h.destination, apdu: options?.apduView === true ? r.rest() : r.rest().slice() };
}
