/**
 * The object store: finds objects by logical name, decides what an association may see and
 * read (Blue Book 4.4.3 access rights, per association), and answers attribute 1
 * (logical_name), which every class shares. Class behaviours answer the rest.
 */
import { bytesEqual } from '../../dlms/bytes';
import type { AssociationDefinition, ObjectDefinition } from '../meter/definition';
import { ok, refused, type AccessMode, type AttributeResult, type ObjectListEntry, type ServeContext } from './types';

export interface AttributeAddress {
  readonly classId: number;
  readonly logicalName: Uint8Array;
  readonly attribute: number;
}

/** What an association is granted on an attribute: its default access, capped by the attribute's own maximum. */
export function grantedMode(association: AssociationDefinition, max: AccessMode): AccessMode {
  if (association.access === 'read-write') return max;
  return max === 'read-only' || max === 'read-and-write' ? 'read-only' : 'no-access';
}

export function isReadable(mode: AccessMode): boolean {
  return mode === 'read-only' || mode === 'read-and-write';
}

export function visibleTo(object: ObjectDefinition, association: AssociationDefinition): boolean {
  return object.visibleTo === undefined || object.visibleTo.includes(association.name);
}

export function findObject(objects: readonly ObjectDefinition[], logicalName: Uint8Array): ObjectDefinition | undefined {
  return objects.find((o) => bytesEqual(o.logicalName, logicalName));
}

/** The object list an association sees, before any fault alters it. */
export function objectListFor(objects: readonly ObjectDefinition[], association: AssociationDefinition): readonly ObjectListEntry[] {
  return objects
    .filter((o) => visibleTo(o, association))
    .map((o) => ({
      classId: o.cosemClass.classId,
      version: o.cosemClass.version,
      logicalName: o.logicalName,
      attributeAccess: o.cosemClass.attributes.map((a) => ({ id: a.id, mode: grantedMode(association, a.max) })),
      methodCount: o.cosemClass.methodCount,
    }));
}

/**
 * GET of one attribute (Green Book 9.3.6): the data, or the data-access-result the standard
 * names for what went wrong.
 */
export function readAttribute(address: AttributeAddress, ctx: ServeContext): AttributeResult {
  const association = ctx.association.definition;
  const object = findObject(ctx.meter.objects, address.logicalName);
  if (!object || !visibleTo(object, association)) return refused('object-undefined');
  if (object.cosemClass.classId !== address.classId) return refused('object-class-inconsistent');
  const spec = object.cosemClass.attributes.find((a) => a.id === address.attribute);
  if (!spec) return refused('object-undefined');
  if (!isReadable(grantedMode(association, spec.max))) return refused('read-write-denied');
  if (address.attribute === 1) return ok({ type: 'octet-string', value: object.logicalName });
  return object.behaviour.read(address.attribute, ctx);
}
