/**
 * HDLC addresses (IEC 62056-46 / Green Book 8.4.2.2 and 8.4.2.3).
 *
 * Every address byte carries 7 address bits above an extension bit (bit 0): 0 means "another
 * address byte follows", 1 marks the last byte. A client address is always one byte. A server
 * address is one, two or four bytes: the upper HDLC address selects the logical device, the
 * lower one the physical device. With one byte only the upper address is present; with two
 * bytes each half is 7 bits; with four bytes each half is 14 bits over two bytes.
 */
import { DecodeError } from '../bytes/decode-error';
import type { ByteReader } from '../bytes/reader';
import type { ByteWriter } from '../bytes/writer';

/** The encoded size of an address field, in bytes (Green Book 8.4.2.2: no other size exists). */
export type AddressSize = 1 | 2 | 4;

export type HdlcAddress =
  /** A client address, or a server address with only the upper (logical device) part. */
  | { readonly size: 1; readonly upper: number }
  /** A server address: upper = logical device, lower = physical device. */
  | { readonly size: 2 | 4; readonly upper: number; readonly lower: number };

/** Green Book 8.4.2.2: the largest value of one half, by address size. */
export const ADDRESS_HALF_MAX: Readonly<Record<AddressSize, number>> = { 1: 0x7f, 2: 0x7f, 4: 0x3fff };

/** Green Book 8.4.2.2: a server address field is at most four bytes. */
export const ADDRESS_MAX_BYTES = 4;

/** Reserved client addresses (Green Book 8.4.2.3, table "Reserved special HDLC addresses"). */
export const CLIENT_ADDRESS = {
  noStation: 0x00,
  clientManagementProcess: 0x01,
  publicClient: 0x10,
  allStation: 0x7f,
} as const;

/** Reserved upper (logical device) server addresses, one-byte and two-byte forms (Green Book 8.4.2.3). */
export const SERVER_UPPER_ADDRESS = {
  noStation: 0x00,
  managementLogicalDevice: 0x01,
  /** Used by a server that initiates the connection (event reporting). */
  calling1: 0x7e,
  allStation1: 0x7f,
  calling2: 0x3ffe,
  allStation2: 0x3fff,
} as const;

/** Reserved lower (physical device) server addresses (Green Book 8.4.2.3). */
export const SERVER_LOWER_ADDRESS = {
  noStation: 0x00,
  calling1: 0x7e,
  allStation1: 0x7f,
  calling2: 0x3ffe,
  allStation2: 0x3fff,
} as const;

/** A one-byte client address for a client SAP (Green Book 8.4.2.2). */
export function clientAddress(sap: number): HdlcAddress {
  return { size: 1, upper: sap };
}

/** A server address: one byte when `physical` is absent, else two (both halves < 0x80) or four bytes. */
export function serverAddress(logical: number, physical?: number, size?: AddressSize): HdlcAddress {
  if (physical === undefined) return { size: 1, upper: logical };
  const chosen: 2 | 4 = size === 4 || logical > 0x7f || physical > 0x7f ? 4 : 2;
  return { size: chosen, upper: logical, lower: physical };
}

/** A value out of range for its size is a harness bug, not a decode failure: it throws RangeError. */
function checkHalf(value: number, size: AddressSize, what: string): void {
  const max = ADDRESS_HALF_MAX[size];
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${what} HDLC address ${value} does not fit a ${size}-byte address (0..${max})`);
  }
}

/** The address bytes, extension bits included. */
export function addressBytes(address: HdlcAddress): Uint8Array {
  const out = new Uint8Array(ADDRESS_MAX_BYTES);
  return out.slice(0, writeAddress(out, 0, address));
}

/**
 * Writes the address bytes into `out` at `at` (the frame encoder builds a frame in one buffer,
 * with no array per address); returns how many were written.
 */
export function writeAddress(out: Uint8Array, at: number, address: HdlcAddress): number {
  checkHalf(address.upper, address.size, 'upper');
  switch (address.size) {
    case 1:
      out[at] = (address.upper << 1) | 1;
      return 1;
    case 2:
      checkHalf(address.lower, 2, 'lower');
      out[at] = address.upper << 1;
      out[at + 1] = (address.lower << 1) | 1;
      return 2;
    case 4:
      checkHalf(address.lower, 4, 'lower');
      out[at] = (address.upper >>> 7) << 1;
      out[at + 1] = (address.upper & 0x7f) << 1;
      out[at + 2] = (address.lower >>> 7) << 1;
      out[at + 3] = ((address.lower & 0x7f) << 1) | 1;
      return 4;
    default:
      return unreachable(address);
  }
}

export function encodeAddress(w: ByteWriter, address: HdlcAddress): void {
  w.bytes(addressBytes(address));
}

/**
 * How many bytes the address starting at `bytes[at]` spans, up to and including the byte with
 * the extension bit set, without judging the count; `undefined` when no byte before `end` ends
 * it. The frame decoder uses this to locate the HCS before it trusts any field.
 */
export function addressExtent(bytes: Uint8Array, at: number, end: number): number | undefined {
  for (let i = at; i < end; i++) if (((bytes[i] as number) & 1) === 1) return i - at + 1;
  return undefined;
}

/**
 * Decodes one address field. Fails with HDLC_ADDRESS_UNTERMINATED when the reader ends before a
 * byte with the extension bit, HDLC_ADDRESS_TOO_LONG past four bytes, HDLC_ADDRESS_BAD_LENGTH for
 * three bytes (Green Book 8.4.2.2 allows only 1, 2 or 4).
 */
export function decodeAddress(r: ByteReader, what = 'address'): HdlcAddress {
  const start = r.offset;
  // The up to four bytes, without an array: this runs twice for every frame received.
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  let b3 = 0;
  let count = 0;
  for (;;) {
    if (r.done) {
      throw addressError('HDLC_ADDRESS_UNTERMINATED', start, what, 'a last byte with the extension bit set', `end of header after ${count} byte(s)`);
    }
    const b = r.u8(what);
    if (count === 0) b0 = b;
    else if (count === 1) b1 = b;
    else if (count === 2) b2 = b;
    else b3 = b;
    count++;
    if (b & 1) break;
    if (count === ADDRESS_MAX_BYTES) {
      throw addressError('HDLC_ADDRESS_TOO_LONG', start, what, 'at most 4 bytes', `${count}+ bytes without an end`);
    }
  }
  switch (count) {
    case 1:
      return { size: 1, upper: b0 >>> 1 };
    case 2:
      return { size: 2, upper: b0 >>> 1, lower: b1 >>> 1 };
    case 4:
      return { size: 4, upper: ((b0 >>> 1) << 7) | (b1 >>> 1), lower: ((b2 >>> 1) << 7) | (b3 >>> 1) };
    default:
      throw addressError('HDLC_ADDRESS_BAD_LENGTH', start, what, '1, 2 or 4 bytes', `${count} bytes`);
  }
}

/** Address errors point at the first byte of the address, not at the byte that gave up. */
function addressError(code: string, at: number, what: string, expected: string, actual: string): DecodeError {
  return new DecodeError(code, at, `${what} of ${expected}`, actual);
}

/** `1` / `1/16` / `0x3FFF/0x0011`: how traces print an address. */
export function formatAddress(address: HdlcAddress): string {
  return address.size === 1 ? String(address.upper) : `${address.upper}/${address.lower}`;
}

export function addressEquals(a: HdlcAddress, b: HdlcAddress): boolean {
  if (a.size !== b.size || a.upper !== b.upper) return false;
  return a.size === 1 || b.size === 1 || a.lower === b.lower;
}

function unreachable(x: never): never {
  throw new Error(`unreachable: ${JSON.stringify(x)}`);
}
