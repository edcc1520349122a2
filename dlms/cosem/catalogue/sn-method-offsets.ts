/**
 * Short names of methods (Blue Book 4.1.3 and the short-name column of each class's table in
 * chapter 4): over SN referencing, method m of an object is at base_name + first + 8·(m − 1),
 * where `first`, the offset of the class's first method, is fixed per class by its Blue Book
 * table. It is not derivable from the attribute count (Register: 3 attributes, reset at
 * x + 0x28; Demand register: 9 attributes, reset at x + 0x48; Clock: 9 attributes, first
 * method at x + 0x60), so it is data here. Each value was checked against an independent
 * implementation's table of the same offsets (docs/decisions/short-name-walk.md).
 *
 * A class not listed, or a version whose attributes reach the listed offset (a later version
 * that added attributes where the first version's methods were, e.g. Push setup v1), has no
 * known method names: a method of it is not invoked over SN, with the reason.
 */
import { classById } from './catalogue';

/** Offsets between consecutive short names (attributes and methods alike). */
export const SHORT_NAME_STEP = 8;

/** class_id → offset of method 1 from the base name (the clause is the class's, in the catalogue). */
export const FIRST_METHOD_OFFSET: ReadonlyMap<number, number> = new Map([
  [3, 0x28], // Register
  [4, 0x38], // Extended register
  [5, 0x48], // Demand register
  [6, 0x30], // Register activation
  [7, 0x58], // Profile generic
  [8, 0x60], // Clock
  [9, 0x20], // Script table
  [11, 0x10], // Special days table
  [12, 0x20], // Association SN
  [15, 0x60], // Association LN
  [17, 0x20], // SAP assignment
  [18, 0x40], // Image transfer
  [20, 0x50], // Activity calendar
  [40, 0x38], // Push setup
  [42, 0x60], // IPv4 setup
  [61, 0x28], // Register table
  [64, 0x30], // Security setup
  [70, 0x20], // Disconnect control
]);

export type MethodNameOffset = { readonly kind: 'known'; readonly offset: number } | { readonly kind: 'unknown'; readonly reason: string };

/**
 * The offset of `method` from the base name of an object of class `classId` version `version`,
 * or why it is unknown. The method index is not checked against the class: an undefined index
 * gets the name it would have, so a meter can be asked about it.
 */
export function methodNameOffset(classId: number, version: number, method: number): MethodNameOffset {
  const first = FIRST_METHOD_OFFSET.get(classId);
  if (!first) return { kind: 'unknown', reason: `SN method offset of class ${classId} unknown` };
  const def = classById(classId, version);
  // The first method follows the last attribute of the version the table was written for; a
  // version whose attributes reach it places its methods elsewhere, which the table does not say.
  if (def && def.attributes.length * SHORT_NAME_STEP > first)
    return { kind: 'unknown', reason: `SN method offset of class ${classId} v${version} unknown (its attributes reach x + 0x${first.toString(16)})` };
  return { kind: 'known', offset: first + SHORT_NAME_STEP * (method - 1) };
}
