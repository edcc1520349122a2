/**
 * The numeric Data types (Blue Book 4.1.5) as numbers: what a threshold comparison needs (a
 * Register monitor or Limiter compares its monitored value with thresholds of the same type).
 */
import type { Data } from './data';
import { INTEGER_RANGES as LITERAL_INTEGER_RANGES } from './literal';

/** Integer types and their ranges: literal.ts's, but enum, which names a choice and is not a quantity to compare. */
const INTEGER_RANGES: Readonly<Record<string, readonly [number, number]>> = Object.fromEntries(
  Object.entries(LITERAL_INTEGER_RANGES).filter(([type]) => type !== 'enum'),
);
const BIGINT_RANGES: Readonly<Record<string, readonly [bigint, bigint]>> = {
  long64: [-(2n ** 63n), 2n ** 63n - 1n],
  'long64-unsigned': [0n, 2n ** 64n - 1n],
};

/** The value of a numeric Data (integers, 64-bit integers as the nearest number, floats), else undefined. */
export function numericValue(d: Data | undefined): number | undefined {
  if (!d) return undefined;
  if (INTEGER_RANGES[d.type] !== undefined || d.type === 'float32' || d.type === 'float64') return (d as { value: number }).value;
  if (BIGINT_RANGES[d.type] !== undefined) return Number((d as { value: bigint }).value);
  return undefined;
}

/** `n` in the numeric type of `like`, or undefined when that type cannot hold it (out of range, or a fraction for an integer type). */
export function numericOfType(like: Data, n: number): Data | undefined {
  const ints = INTEGER_RANGES[like.type];
  if (ints) return Number.isInteger(n) && n >= ints[0] && n <= ints[1] ? ({ type: like.type, value: n } as Data) : undefined;
  const bigs = BIGINT_RANGES[like.type];
  if (bigs) {
    if (!Number.isSafeInteger(n)) return undefined;
    const b = BigInt(n);
    return b >= bigs[0] && b <= bigs[1] ? ({ type: like.type, value: b } as Data) : undefined;
  }
  if (like.type === 'float32' || like.type === 'float64')
    return Number.isFinite(n) ? { type: like.type, value: like.type === 'float32' ? Math.fround(n) : n } : undefined;
  return undefined;
}
