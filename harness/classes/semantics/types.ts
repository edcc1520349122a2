/**
 * Class-specific rules beyond the catalogue's types (Blue Book chapter 4): ranges, units,
 * date-times and the consistency of one object's attributes with each other. One file per class
 * (or family), one table in index.ts keyed by class_id.
 */
import type { Data } from '../../../dlms/axdr/data';
import type { AssociationProfile } from '../../profile/types';
import type { CosemObject } from '../object-list';

/** One broken rule: the attribute it concerns, what the Blue Book requires, what came. */
export interface Problem {
  readonly attribute: number;
  readonly expected: string;
  readonly actual: string;
}

export interface SemanticInput {
  readonly object: CosemObject;
  /** The attributes read, by index (an attribute not readable is absent). */
  readonly values: ReadonlyMap<number, Data>;
  /** The association the values were read in (Association LN describes it). */
  readonly association: AssociationProfile;
}

export interface ClassSemantics {
  /** The clause the rules come from, for the failure's rule. */
  readonly clause: string;
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
