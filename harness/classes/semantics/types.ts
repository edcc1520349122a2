/**
 * Class-specific rules beyond the catalogue's types (Blue Book chapter 4): ranges, units,
 * date-times and the consistency of one object's attributes with each other. One file per class
 * found by index.ts in this folder, keyed by class_id.
 */
import type { Data } from '../../../dlms/axdr/data';
import type { AssociationProfile } from '../../profile/types';
import type { CosemObject } from '../object-list';

/** One broken rule: the attribute it concerns, what the Blue Book requires, what came. */
export interface Problem {
  readonly attribute: number;
  readonly expected: string;
  readonly actual: string;
  /** An answer the standard tolerates but does not prefer: reported as a remark, not a failure. */
  readonly remark?: true;
}

/** An attribute of another object a rule needs to see (a monitored value, a referenced script). */
export interface Reference {
  readonly classId: number;
  readonly obis: string;
  readonly attribute: number;
}

export interface SemanticInput {
  readonly object: CosemObject;
  /** The attributes read, by index (an attribute not readable is absent). */
  readonly values: ReadonlyMap<number, Data>;
  /** The association the values were read in (Association LN describes it). */
  readonly association: AssociationProfile;
  /** The attributes `references` asked for, as read (undefined: not read or refused). */
  readonly referenced?: (ref: Reference) => Data | undefined;
}

export interface ClassSemantics {
  /** The class the rules judge; one file of this folder per class (index.ts finds them). */
  readonly classId: number;
  /** The clause the rules come from, for the failure's rule. */
  readonly clause: string;
  /** Attributes of other objects the rules need, given this object's values (read before check). */
  references?(values: ReadonlyMap<number, Data>): readonly Reference[];
  check(input: SemanticInput): Problem[];
}

/** The number a simple integer Data holds, else undefined. */
export function numberOf(d: Data | undefined): number | undefined {
  if (d === undefined || !('value' in d)) return undefined;
  if (typeof d.value === 'number') return d.value;
  if (typeof d.value === 'bigint') return Number(d.value);
  return undefined;
}

/** A problem when attribute `attribute` holds a number outside [min, max]. */
export function range(values: ReadonlyMap<number, Data>, attribute: number, name: string, min: number, max: number): Problem[] {
  const v = numberOf(values.get(attribute));
  if (v === undefined || (v >= min && v <= max)) return [];
  return [{ attribute, expected: `${name} in ${min}..${max}`, actual: String(v) }];
}

/** The elements of an array or structure, else none (a wrong shape is the catalogue type check's to report). */
export function itemsOf(d: Data | undefined): readonly Data[] {
  return d?.type === 'array' || d?.type === 'structure' ? d.items : [];
}

/** The octets of an octet-string as text for a message (printable as is, else hex). */
export function octetsText(d: Data | undefined): string | undefined {
  if (d?.type !== 'octet-string') return undefined;
  const printable = d.value.every((b) => b >= 0x20 && b < 0x7f);
  return printable ? JSON.stringify(String.fromCharCode(...d.value)) : `0x${[...d.value].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Values that occur more than once in `keys` (undefined keys ignored). */
export function duplicates<T>(keys: readonly (T | undefined)[]): T[] {
  const seen = new Set<T>();
  const twice = new Set<T>();
  for (const k of keys) if (k !== undefined) (seen.has(k) ? twice : seen).add(k);
  return [...twice];
}

/** Inclusive ranges of an enum's defined values, as the Blue Book lists them. */
export type Ranges = readonly (readonly [number, number])[];

export const rangesText = (ranges: Ranges): string => ranges.map(([a, b]) => (a === b ? `${a}` : `${a}..${b}`)).join(', ');

/** A problem when attribute `attribute` (or the number `pick` takes from it) lies outside every range. */
export function enumIn(
  values: ReadonlyMap<number, Data>,
  attribute: number,
  name: string,
  ranges: Ranges,
  pick?: (d: Data | undefined) => Data | undefined,
): Problem[] {
  const v = numberOf(pick ? pick(values.get(attribute)) : values.get(attribute));
  if (v === undefined || ranges.some(([a, b]) => v >= a && v <= b)) return [];
  return [{ attribute, expected: `${name} one of ${rangesText(ranges)}`, actual: String(v) }];
}

/** The number of octets of an octet-string, else undefined. */
export const octetCount = (d: Data | undefined): number | undefined => (d?.type === 'octet-string' ? d.value.length : undefined);

/** A problem when attribute `attribute` (or the value `pick` takes from it) is an octet-string of none of `lengths` octets. */
export function lengthIn(
  values: ReadonlyMap<number, Data>,
  attribute: number,
  name: string,
  lengths: readonly number[],
  pick?: (d: Data | undefined) => Data | undefined,
): Problem[] {
  const n = octetCount(pick ? pick(values.get(attribute)) : values.get(attribute));
  if (n === undefined || lengths.includes(n)) return [];
  return [{ attribute, expected: `${name} of ${lengths.join(' or ')} octets`, actual: `${n} octet(s)` }];
}
