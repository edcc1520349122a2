/**
 * Short names for SN referencing (Blue Book 4.1.3 / Green Book 9.3, "short name referencing"):
 * every object has a base name, the short name of its attribute 1; attribute n is at
 * base + 8·(n − 1). The current Association SN has the reserved base name 0xFA00. The others get
 * base names in definition order, 0x0100 apart, so a name never depends on which association
 * asks and no object's range reaches the next one (a class has fewer than 32 attributes).
 */
import type { ObjectDefinition } from '../meter/definition';

/** Blue Book 4.4.2: the base name of the current Association SN object. */
export const CURRENT_ASSOCIATION_SN_BASE_NAME = 0xfa00;
/** Blue Book 4.4.2: the class of Association SN. */
export const ASSOCIATION_SN_CLASS_ID = 12;
/** Attribute short names are 8 apart (Blue Book 4.1.3). */
export const ATTRIBUTE_STEP = 8;
const FIRST_BASE_NAME = 0x0100;
const BASE_NAME_STEP = 0x0100;

/** The base name of each object, by its position in the meter definition. */
export function baseNames(objects: readonly ObjectDefinition[]): ReadonlyMap<ObjectDefinition, number> {
  const out = new Map<ObjectDefinition, number>();
  objects.forEach((o, i) =>
    out.set(o, o.cosemClass.classId === ASSOCIATION_SN_CLASS_ID ? CURRENT_ASSOCIATION_SN_BASE_NAME : FIRST_BASE_NAME + i * BASE_NAME_STEP),
  );
  return out;
}

export interface ShortNameTarget {
  readonly object: ObjectDefinition;
  readonly attribute: number;
}

/**
 * The object and attribute a variable name designates among `objects` (those the association
 * sees), or undefined when none does: a name between attributes, past the class's last
 * attribute, or outside every object's range.
 */
export function resolveShortName(all: readonly ObjectDefinition[], visible: readonly ObjectDefinition[], variableName: number): ShortNameTarget | undefined {
  const bases = baseNames(all);
  for (const object of visible) {
    const base = bases.get(object);
    if (base === undefined) continue;
    const offset = variableName - base;
    if (offset < 0 || offset % ATTRIBUTE_STEP !== 0) continue;
    const attribute = offset / ATTRIBUTE_STEP + 1;
    if (object.cosemClass.attributes.some((a) => a.id === attribute)) return { object, attribute };
  }
  return undefined;
}
