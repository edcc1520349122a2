/**
 * The object store: finds objects by logical name, decides what an association may see and
 * read (Blue Book 4.4.3 access rights, per association), and answers attribute 1
 * (logical_name), which every class shares. Class behaviours answer the rest.
 */
import { bytesEqual } from '../../dlms/bytes';
import type { AssociationDefinition, ObjectDefinition } from '../meter/definition';
import type { Data } from '../../dlms/axdr/data';
import {
  methodRefused,
  ok,
  refused,
  writeRefused,
  type AccessMode,
  type AttributeResult,
  type MethodResult,
  type ObjectListEntry,
  type Selection,
  type ServeContext,
  type WriteResult,
} from './types';

/** The result for a selector the attribute does not serve: the standard names no closer one. */
export const UNSUPPORTED_SELECTOR = 'other-reason';

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

function readOnly(max: AccessMode): AccessMode {
  return max === 'read-and-write' ? 'read-only' : max === 'write-only' ? 'no-access' : max;
}

export function isReadable(mode: AccessMode): boolean {
  return mode === 'read-only' || mode === 'read-and-write';
}

export function isWritable(mode: AccessMode): boolean {
  return mode === 'write-only' || mode === 'read-and-write';
}

/**
 * Method access (Blue Book 4.4.3 method_access_item, a boolean in version 0): granted to
 * read-write associations only, as Association LN attribute 2 reports it.
 */
export function methodsGranted(association: AssociationDefinition): boolean {
  return association.access === 'read-write';
}

export function visibleTo(object: ObjectDefinition, association: AssociationDefinition): boolean {
  return object.visibleTo === undefined || object.visibleTo.includes(association.name);
}

/**
 * The object with this logical name, the one `association` sees when given: two objects may
 * share a logical name when no association sees both (the current association is class 15 in
 * LN associations and class 12 in SN ones, both 0-0:40.0.0.255).
 */
export function findObject(objects: readonly ObjectDefinition[], logicalName: Uint8Array, association?: AssociationDefinition): ObjectDefinition | undefined {
  const named = objects.filter((o) => bytesEqual(o.logicalName, logicalName));
  return (association && named.find((o) => visibleTo(o, association))) ?? named[0];
}

/** The object list an association sees, before any fault alters it. */
export function objectListFor(objects: readonly ObjectDefinition[], association: AssociationDefinition): readonly ObjectListEntry[] {
  return objects
    .filter((o) => visibleTo(o, association))
    .map((o) => ({
      classId: o.cosemClass.classId,
      version: o.cosemClass.version,
      logicalName: o.logicalName,
      // An object that cannot be written is listed read-only: the object list states the rights the server applies (Blue Book 4.4.3).
      attributeAccess: o.cosemClass.attributes.map((a) => ({
        id: a.id,
        mode: grantedMode(association, o.behaviour.write ? a.max : readOnly(a.max)),
        ...(a.selectors ? { selectors: a.selectors } : {}),
      })),
      methodCount: o.cosemClass.methodCount,
    }));
}

/**
 * GET of one attribute (Green Book 9.3.6): the data, or the data-access-result the standard
 * names for what went wrong. A selective access with a selector the attribute does not declare
 * in the object list is refused with other-reason (docs/decisions/selective-access-results.md).
 */
export function readAttribute(address: AttributeAddress, ctx: ServeContext, selection?: Selection): AttributeResult {
  const association = ctx.association.definition;
  const object = findObject(ctx.meter.objects, address.logicalName, association);
  if (!object || !visibleTo(object, association)) return refused('object-undefined');
  if (object.cosemClass.classId !== address.classId) return refused('object-class-inconsistent');
  const spec = object.cosemClass.attributes.find((a) => a.id === address.attribute);
  if (!spec) return refused('object-undefined');
  if (!isReadable(grantedMode(association, spec.max))) return refused('read-write-denied');
  if (selection && !(spec.selectors ?? []).includes(selection.selector)) return refused(UNSUPPORTED_SELECTOR);
  if (address.attribute === 1) return ok({ type: 'octet-string', value: object.logicalName });
  return selection ? object.behaviour.read(address.attribute, ctx, selection) : object.behaviour.read(address.attribute, ctx);
}

/**
 * SET of one attribute (Green Book 9.3.7): the same checks as a read, then the association's
 * write access (read-write-denied when it has none), then the class's own check of the value.
 */
export function writeAttribute(address: AttributeAddress, value: Data, ctx: ServeContext): WriteResult {
  const association = ctx.association.definition;
  const object = findObject(ctx.meter.objects, address.logicalName, association);
  if (!object || !visibleTo(object, association)) return writeRefused('object-undefined');
  if (object.cosemClass.classId !== address.classId) return writeRefused('object-class-inconsistent');
  const spec = object.cosemClass.attributes.find((a) => a.id === address.attribute);
  if (!spec) return writeRefused('object-undefined');
  if (!isWritable(grantedMode(association, spec.max)) || !object.behaviour.write) return writeRefused('read-write-denied');
  return object.behaviour.write(address.attribute, value, ctx);
}

export interface MethodAddress {
  readonly classId: number;
  readonly logicalName: Uint8Array;
  readonly method: number;
}

/**
 * ACTION on one method (Green Book 9.3.8): object-undefined for an unknown object or method
 * index, read-write-denied when the association may not invoke methods.
 */
export function invokeMethod(address: MethodAddress, parameters: Data | undefined, ctx: ServeContext): MethodResult {
  const association = ctx.association.definition;
  const object = findObject(ctx.meter.objects, address.logicalName, association);
  if (!object || !visibleTo(object, association)) return methodRefused('object-undefined');
  if (object.cosemClass.classId !== address.classId) return methodRefused('object-class-inconsistent');
  if (address.method < 1 || address.method > object.cosemClass.methodCount) return methodRefused('object-undefined');
  // A method the object list shows without access is refused for that (Blue Book 4.4.3), whether or not this simulator implements it.
  if (!methodsGranted(association)) return methodRefused('read-write-denied');
  if (!object.behaviour.invoke) return methodRefused('object-undefined');
  return object.behaviour.invoke(address.method, parameters, ctx);
}
