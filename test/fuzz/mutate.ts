/**
 * Deterministic mutations for the fuzz tests: a seeded PRNG and the edits a faulty meter or a
 * noisy line makes to real bytes — bit flips, truncation, extension, byte insertion and
 * deletion, corrupted length fields, splices of two messages — plus pure noise. Each case is
 * reproducible from the seed and its case number.
 */
import { fcs16Bytes } from '../../dlms/hdlc/fcs';
import { addressExtent } from '../../dlms/hdlc/address';

export type Rand = () => number;

/** mulberry32: a tiny deterministic PRNG. */
export function prng(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (rand: Rand, n: number): number => Math.floor(rand() * n);
export const pick = <T>(rand: Rand, items: readonly T[]): T => items[int(rand, items.length)] as T;
export const randomBytes = (rand: Rand, n: number): Uint8Array => Uint8Array.from({ length: n }, () => int(rand, 256));

/**
 * Values that length fields go wrong with: zero, one, the BER and A-XDR long-form markers
 * (0x81..0x84 announce 1..4 length bytes), the largest short form, all ones.
 */
const LENGTH_VALUES = [0x00, 0x01, 0x02, 0x7f, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0xfe, 0xff];

export const MUTATIONS = ['bit-flip', 'truncate', 'extend', 'insert', 'delete', 'length', 'byte', 'splice', 'noise'] as const;
export type Mutation = (typeof MUTATIONS)[number];

/** One edit of `src` (never modified), of the kind given or a random one. */
export function mutate(rand: Rand, src: Uint8Array, others: readonly Uint8Array[], kind: Mutation = pick(rand, MUTATIONS)): Uint8Array {
  const b = src.slice();
  const at = (): number => int(rand, Math.max(1, b.length));
  switch (kind) {
    case 'bit-flip':
      for (let i = 1 + int(rand, 3); i > 0 && b.length > 0; i--) b[at()]! ^= 1 << int(rand, 8);
      return b;
    case 'truncate':
      return b.subarray(0, int(rand, b.length + 1));
    case 'extend': {
      const out = new Uint8Array(b.length + 1 + int(rand, 32));
      out.set(b);
      out.set(randomBytes(rand, out.length - b.length), b.length);
      return out;
    }
    case 'insert': {
      const n = 1 + int(rand, 4);
      const p = int(rand, b.length + 1);
      const out = new Uint8Array(b.length + n);
      out.set(b.subarray(0, p));
      out.set(randomBytes(rand, n), p);
      out.set(b.subarray(p), p + n);
      return out;
    }
    case 'delete': {
      if (b.length === 0) return b;
      const p = at();
      const n = Math.min(1 + int(rand, 4), b.length - p);
      const out = new Uint8Array(b.length - n);
      out.set(b.subarray(0, p));
      out.set(b.subarray(p + n), p);
      return out;
    }
    case 'length': {
      // Lengths sit near the start of most structures: favour the first bytes.
      if (b.length === 0) return b;
      const p = rand() < 0.5 ? int(rand, Math.min(12, b.length)) : at();
      b[p] = rand() < 0.7 ? pick(rand, LENGTH_VALUES) : (b[p]! + (rand() < 0.5 ? 1 : -1)) & 0xff;
      return b;
    }
    case 'byte':
      if (b.length > 0) b[at()] = int(rand, 256);
      return b;
    case 'splice': {
      const other = pick(rand, others);
      const cut = int(rand, b.length + 1);
      const from = int(rand, other.length + 1);
      const out = new Uint8Array(cut + other.length - from);
      out.set(b.subarray(0, cut));
      out.set(other.subarray(from), cut);
      return out;
    }
    case 'noise':
      return randomBytes(rand, int(rand, 80));
    default: {
      const never: never = kind;
      throw new Error(`unknown mutation ${String(never)}`);
    }
  }
}

/**
 * Makes an HDLC frame's length, HCS and FCS right again after a mutation (Green Book 8.4.3),
 * so the edit reaches the checks behind them: addresses, control, information field.
 * Leaves bytes alone that are too short or lack flags to be mended.
 */
export function mendHdlc(bytes: Uint8Array): Uint8Array {
  const n = bytes.length;
  if (n < 9 || n - 2 > 0x7ff) return bytes;
  const b = bytes.slice();
  b[0] = 0x7e;
  b[n - 1] = 0x7e;
  b[1] = 0xa0 | (b[1]! & 0x08) | ((n - 2) >>> 8);
  b[2] = (n - 2) & 0xff;
  const dst = addressExtent(b, 3, n - 3);
  const src = dst === undefined ? undefined : addressExtent(b, 3 + dst, n - 3);
  if (dst !== undefined && src !== undefined) {
    const hcsAt = 3 + dst + src + 1;
    // An information field follows the HCS only when there is room for both before the FCS.
    if (hcsAt + 2 < n - 3) b.set(fcs16Bytes(b, 1, hcsAt), hcsAt);
  }
  b.set(fcs16Bytes(b, 1, n - 3), n - 3);
  return b;
}

/** Makes a wrapper PDU's length field match the bytes after the header (IEC 62056-47). */
export function mendWrapper(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 8 || bytes.length - 8 > 0xffff) return bytes;
  const b = bytes.slice();
  b[6] = (b.length - 8) >>> 8;
  b[7] = (b.length - 8) & 0xff;
  return b;
}
