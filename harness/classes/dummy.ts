/**
 * Dummy attributes (DLMS UA 1001-6 §7.3.10): a meter may fill a configuration attribute of the
 * classes 6, 7, 9, 11, 20, 21 and 22 with all-zero structures (an unused special day, an empty
 * season, a schedule that executes nothing). The conformance test tolerates them, so the class
 * checks judge the attribute without them and leave a remark. Only static (configuration)
 * attributes are concerned: an all-zero row of a load profile's buffer is a real measurement.
 */
import type { Data } from '../../dlms/axdr/data';

export const DUMMY_CLAUSE = 'DLMS UA 1001-6 §7.3.10 (dummy attributes: all-zero structures tolerated)';
/** The classes §7.3.10 names. */
export const DUMMY_CLASSES: ReadonlySet<number> = new Set([6, 7, 9, 11, 20, 21, 22]);

/** Every leaf zero: numbers 0, false, octets all 0 (or none), no bit set, null-data. */
function zero(d: Data): boolean {
  switch (d.type) {
    case 'array':
    case 'structure':
      return d.items.every(zero);
    case 'octet-string':
      return d.value.every((b) => b === 0);
    case 'visible-string':
    case 'utf8-string':
      return [...d.value].every((c) => c === '\0');
    case 'bit-string':
      return d.bytes.every((b) => b === 0);
    case 'boolean':
      return d.value === false;
    case 'null-data':
      return true;
    default:
      return 'value' in d && (typeof d.value === 'number' || typeof d.value === 'bigint') && Number(d.value) === 0;
  }
}

/** A structure of at least one element whose every leaf is zero. */
export function isDummy(d: Data): boolean {
  return d.type === 'structure' && d.items.length > 0 && zero(d);
}

/**
 * The value the class checks judge and how many dummies were set aside: an all-zero structure
 * attribute is set aside whole (undefined), an array keeps its other elements.
 */
export function withoutDummies(d: Data): { readonly value: Data | undefined; readonly dummies: number } {
  if (isDummy(d)) return { value: undefined, dummies: 1 };
  if (d.type !== 'array') return { value: d, dummies: 0 };
  const kept = d.items.filter((x) => !isDummy(x));
  return { value: kept.length === d.items.length ? d : { ...d, items: kept }, dummies: d.items.length - kept.length };
}
