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

export function encodeWrapper(pdu: WrapperPdu): Uint8Array {
  if (pdu.apdu.length > WRAPPER_MAX_APDU_LENGTH) throw new RangeError(`APDU of ${pdu.apdu.length} bytes exceeds the wrapper's 16-bit length`);
  return encodeRawWrapper(pdu);
}

/**
 * Decodes one whole wrapper PDU (as the framer delivers it). An APDU longer or shorter than the
 * length field says is WRAPPER_LENGTH_MISMATCH, reported at the length field.
 */
export function decodeWrapper(bytes: Uint8Array, base = 0): WrapperPdu {
  const r = new ByteReader(bytes, base);
  const h = decodeWrapperHeader(r);
  if (r.remaining !== h.length) {
    throw new DecodeError('WRAPPER_LENGTH_MISMATCH', base + 6, `${r.remaining} (the APDU bytes present)`, String(h.length));
  }
  return { source: h.source, destination: h.destination, apdu: r.rest().slice() };
}
