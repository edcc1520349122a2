import { ByteWriter, DecodeError } from '../bytes';

/**
 * BIT STRING content (X.690 8.6): an initial octet counting the unused bits of the last octet,
 * then the bits, first bit in the most significant position. `bytes` are kept as received,
 * unused bits included, so re-encoding is exact even when a sender leaves them non-zero.
 */
export interface BerBitString {
  /** Number of bits. */
  readonly length: number;
  readonly bytes: Uint8Array;
}

export function decodeBitString(content: Uint8Array, offset: number): BerBitString {
  if (content.length === 0) throw new DecodeError('BER_BAD_BIT_STRING', offset, 'an initial octet (X.690 8.6.2)', 'no content');
  const unused = content[0] as number;
  if (unused > 7 || (content.length === 1 && unused !== 0)) {
    throw new DecodeError('BER_BAD_BIT_STRING', offset, content.length === 1 ? '0 unused bits in an empty BIT STRING' : '0..7 unused bits', String(unused));
  }
  const bytes = content.slice(1);
  return { length: bytes.length * 8 - unused, bytes };
}

export function encodeBitString(w: ByteWriter, bs: BerBitString): void {
  const unused = bs.bytes.length * 8 - bs.length;
  if (unused < 0 || unused > 7 || (bs.bytes.length === 0 && unused !== 0)) {
    throw new RangeError(`BIT STRING of ${bs.length} bits cannot be held in ${bs.bytes.length} octets`);
  }
  w.u8(unused).bytes(bs.bytes);
}

/** Bit `i` (0 = first, the MSB of the first octet), false past the end. */
export function bitAt(bs: BerBitString, i: number): boolean {
  if (i < 0 || i >= bs.length) return false;
  return (((bs.bytes[i >> 3] as number) >> (7 - (i & 7))) & 1) === 1;
}

/** A BIT STRING of `length` bits with the given bits set. */
export function bitStringOf(length: number, set: readonly number[]): BerBitString {
  const bytes = new Uint8Array(Math.ceil(length / 8));
  for (const i of set) {
    if (i < 0 || i >= length) throw new RangeError(`bit ${i} outside a BIT STRING of ${length} bits`);
    bytes[i >> 3] = (bytes[i >> 3] as number) | (0x80 >> (i & 7));
  }
  return { length, bytes };
}
