/**
 * Spec enumerations as data: a table of name → value from the standard, read both ways. A decoded
 * value the table does not name stays a number, so an unknown code from a DUT is reported as it
 * came (and re-encodes to the same byte) instead of failing the whole APDU.
 */
import { EncodeError } from '../axdr/encode-error';

export type Named<N extends string> = N | number;

export interface EnumTable<N extends string> {
  readonly values: Readonly<Record<N, number>>;
  readonly names: readonly N[];
  /** The name for `value`, or the number itself when the standard names no such value. */
  name(value: number): Named<N>;
  /** The number to encode for a name (or a number passed through). */
  value(v: Named<N>): number;
  /** True when `v` is one of the table's names. */
  has(v: string): v is N;
}

export function enumTable<const T extends Record<string, number>>(values: T): EnumTable<keyof T & string> {
  type N = keyof T & string;
  const names = Object.keys(values) as N[];
  const byValue = new Map<number, N>(names.map((n) => [values[n] as number, n]));
  return {
    values,
    names,
    name: (value) => byValue.get(value) ?? value,
    value: (v) => {
      if (typeof v === 'number') return v;
      // Names come from YAML suites too, where the type system cannot vouch for them.
      if (!Object.prototype.hasOwnProperty.call(values, v)) throw new EncodeError('XDLMS_UNKNOWN_NAME', String(v), `one of ${names.join(', ')}`, String(v));
      return values[v] as number;
    },
    has: (v): v is N => Object.prototype.hasOwnProperty.call(values, v),
  };
}

/** `object-undefined`, or `unknown(7)` for a value the table does not name: for traces and messages. */
export function nameText(v: Named<string>): string {
  return typeof v === 'number' ? `unknown(${v})` : v;
}
