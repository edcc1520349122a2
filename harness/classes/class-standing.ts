/**
 * Whether the catalogue can judge an object of the object list, and if not, why: a class or
 * version of the DLMS UA's range the catalogue lacks is the meter's answer the harness cannot
 * check (a remark, counted, never a silent pass); a manufacturer-specific or user-group class is
 * outside every Blue Book (noted, counted apart, not held against the meter).
 *
 * Blue Book 4.1.4 (class description notation, class_id): 0..8191 are specified by the DLMS UA,
 * 8192..32767 are manufacturer-specific, 32768..65535 user-group specific.
 */
import { classById, classVersions, type InterfaceClassDef } from '../../dlms/cosem/catalogue/catalogue';

export const CLASS_ID_RANGES_CLAUSE = 'Blue Book 4.1.4 (class_id: 0..8191 DLMS UA, 8192..32767 manufacturer-specific, 32768..65535 user-group specific)';
/** Where the harness explains what a remark of this kind means for the meter. */
export const UNKNOWN_CLASS_CLAUSE = 'docs/decisions/class-rules.md (unknown classes)';

const FIRST_MANUFACTURER_CLASS = 8192;
const FIRST_USER_GROUP_CLASS = 32768;

export type ClassStanding =
  | { readonly kind: 'known'; readonly def: InterfaceClassDef }
  /** A DLMS UA class the catalogue knows, in a version it does not. */
  | { readonly kind: 'version-unknown'; readonly knownVersions: readonly number[] }
  /** A class_id of the DLMS UA's range the catalogue does not know (newer than it, or none). */
  | { readonly kind: 'class-unknown' }
  | { readonly kind: 'manufacturer-specific' }
  | { readonly kind: 'user-group-specific' };

export function classStanding(classId: number, version: number): ClassStanding {
  const def = classById(classId, version);
  if (def) return { kind: 'known', def };
  if (classId >= FIRST_USER_GROUP_CLASS) return { kind: 'user-group-specific' };
  if (classId >= FIRST_MANUFACTURER_CLASS) return { kind: 'manufacturer-specific' };
  const knownVersions = classVersions(classId).map((c) => c.version);
  return knownVersions.length ? { kind: 'version-unknown', knownVersions } : { kind: 'class-unknown' };
}

/** What is said of an object the catalogue cannot judge, and whether it is a remark against the meter. */
export function notChecked(
  classId: number,
  version: number,
  standing: Exclude<ClassStanding, { kind: 'known' }>,
): { readonly text: string; readonly remark: boolean } {
  switch (standing.kind) {
    case 'version-unknown':
      return { text: `not checked: class ${classId} v${version} unknown (the catalogue has v${standing.knownVersions.join(', v')})`, remark: true };
    case 'class-unknown':
      return { text: `not checked: class ${classId} v${version} unknown (a DLMS UA class id the catalogue does not know)`, remark: true };
    case 'manufacturer-specific':
      return { text: `not checked: manufacturer-specific class ${classId} v${version} (${CLASS_ID_RANGES_CLAUSE})`, remark: false };
    case 'user-group-specific':
      return { text: `not checked: user-group specific class ${classId} v${version} (${CLASS_ID_RANGES_CLAUSE})`, remark: false };
    default: {
      const never: never = standing;
      return never;
    }
  }
}

/** Objects a step could not judge, counted by kind for its closing note. */
export class NotCheckedTally {
  private readonly counts = { unknown: 0, outside: 0 };

  add(remark: boolean): void {
    this.counts[remark ? 'unknown' : 'outside']++;
  }

  /** The closing note, or undefined when every object was judged. */
  summary(): string | undefined {
    const { unknown, outside } = this.counts;
    if (unknown + outside === 0) return undefined;
    const parts = [
      ...(unknown ? [`${unknown} of a DLMS UA class or version the catalogue does not know (a remark each)`] : []),
      ...(outside ? [`${outside} of a manufacturer-specific or user-group class`] : []),
    ];
    return `${unknown + outside} object(s) not checked: ${parts.join('; ')}`;
  }
}
