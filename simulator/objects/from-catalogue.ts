/**
 * Attribute lists from the interface-class catalogue (dlms/cosem/catalogue): the simulator adds
 * only what the catalogue leaves to a meter, the most access any association gets.
 */
import type { InterfaceClassDef } from '../../dlms/cosem/catalogue/types';
import type { AccessMode, AttributeSpec } from './types';

/**
 * The class's attributes up to `lastAttribute` (an older version is a prefix of the newest),
 * each at most `max[index]`, by default read-and-write; logical_name is always read-only.
 */
export function attributesOf(
  def: InterfaceClassDef,
  max: Readonly<Record<number, AccessMode>> = {},
  lastAttribute = Number.POSITIVE_INFINITY,
): readonly AttributeSpec[] {
  return def.attributes
    .filter((a) => a.index <= lastAttribute)
    .map((a) => ({
      id: a.index,
      name: a.name,
      max: a.index === 1 ? 'read-only' : (max[a.index] ?? 'read-and-write'),
      ...(a.selectors ? { selectors: a.selectors } : {}),
    }));
}
