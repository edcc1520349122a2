/**
 * Short names for SN referencing (Blue Book 4.1.3 / Green Book 9.3, "short name referencing"):
 * every object has a base name, the short name of its attribute 1; attribute n is at
 * base + 8·(n − 1). The current Association SN has the reserved base name 0xFA00. The others get
 * base names in definition order, 0x0100 apart, so a name never depends on which association
 * asks and no object's range reaches the next one (a class has fewer than 32 attributes).
 * Method m is at base + the class's first-method offset + 8·(m − 1) (Blue Book short-name
 * tables, dlms/cosem/catalogue/sn-method-offsets.ts).
 */
import { methodNameOffset } from '../../dlms/cosem/catalogue/sn-method-offsets';
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

export type ShortNameTarget =
  | { readonly kind: 'attribute'; readonly object: ObjectDefinition; readonly attribute: number }
  | { readonly kind: 'method'; readonly object: ObjectDefinition; readonly method: number };

/**
 * The method at `offset` from an object's base name: one the class defines, or the first index
 * past them (the name right after the last method still belongs to the object, so the meter
 * answers it as that object's undefined method, object-undefined, as ACTION would).
 */
function methodAt(object: ObjectDefinition, offset: number): number | undefined {
  const { classId, version, methodCount } = object.cosemClass;
  const first = methodNameOffset(classId, version, 1);
  if (first.kind !== 'known' || offset < first.offset || (offset - first.offset) % ATTRIBUTE_STEP !== 0) return undefined;
  const method = (offset - first.offset) / ATTRIBUTE_STEP + 1;
  return method <= methodCount + 1 ? method : undefined;
}

/**
 * The object and attribute, or method, a variable name designates among `objects` (those the
 * association sees), or undefined when none does: a name between attributes, past the class's
 * last attribute and methods, or outside every object's range.
 */
export function resolveShortName(all: readonly ObjectDefinition[], visible: readonly ObjectDefinition[], variableName: number): ShortNameTarget | undefined {
  const bases = baseNames(all);
  for (const object of visible) {
    const base = bases.get(object);
    if (base === undefined) continue;
    const offset = variableName - base;
    if (offset < 0 || offset % ATTRIBUTE_STEP !== 0) continue;
    const attribute = offset / ATTRIBUTE_STEP + 1;
    if (object.cosemClass.attributes.some((a) => a.id === attribute)) return { kind: 'attribute', object, attribute };
    const method = methodAt(object, offset);
    if (method !== undefined) return { kind: 'method', object, method };
  }
  return undefined;
}
