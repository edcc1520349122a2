/**
 * Association SN, class 12 version 2 (Blue Book 4.4.2), the current association of a
 * short-name association: its object_list lists every object the association sees with its
 * base name, and its access_rights_list the rights it grants on each (what Association LN's
 * object_list carries in one element, an SN meter carries in two attributes). Faults that alter
 * the object list alter these too (ctx.objectList()). docs/decisions/short-name-walk.md.
 */
import type { Data } from '../../dlms/axdr/data';
import { bytesEqual } from '../../dlms/bytes';
import { ASSOCIATION_SN } from '../../dlms/cosem/catalogue/association-sn';
import type { Cursor } from '../../config/yaml-cursor';
import { attributeAccessItems } from './association-ln';
import { attributesOf } from './from-catalogue';
import { baseNames } from './short-names';
import { visibleTo } from './store';
import { methodRefused, ok, refused, type ClassBehaviour, type ObjectListEntry, type ServeContext } from './types';

/** Blue Book 4.4.2 method_access_item access_mode: 0 no access, 1 access. */
const METHOD_ACCESS = { none: 0, granted: 1 } as const;
/** Blue Book 4.4.7: the Security setup class, which security_setup_reference names. */
const SECURITY_SETUP_CLASS_ID = 64;

/** base_name is a long (Integer16) in the object list: 0xFA00 is sent as −1536. */
function asLong(baseName: number): number {
  return (baseName << 16) >> 16;
}

/**
 * sn_object_list_element ::= structure { base_name: long, class_id: long-unsigned,
 * version: unsigned, logical_name: octet-string }.
 */
export function snObjectListElement(e: ObjectListEntry, baseName: number): Data {
  return {
    type: 'structure',
    items: [
      { type: 'long', value: asLong(baseName) },
      { type: 'long-unsigned', value: e.classId },
      { type: 'unsigned', value: e.version },
      { type: 'octet-string', value: e.logicalName },
    ],
  };
}

/**
 * The method ids an object has: 1..n, except Association SN itself, whose methods 1, 2 and 7 are
 * reserved (Blue Book 4.4.2), so its ids are the catalogue's.
 */
function methodIds(e: ObjectListEntry): number[] {
  if (e.classId === ASSOCIATION_SN.classId) return ASSOCIATION_SN.methods.map((m) => m.index);
  return Array.from({ length: e.methodCount }, (_, i) => i + 1);
}

/**
 * access_right ::= structure { base_name: long, attribute_access: array attribute_access_item,
 * method_access: array method_access_item } (Blue Book 4.4.2), the items as in Association LN
 * (4.4.3): attribute_access_item ::= structure { attribute_id: integer, access_mode: enum,
 * access_selectors: CHOICE { null-data, array of integer } }; method_access_item ::= structure
 * { method_id: integer, access_mode: enum }. Methods are granted to read-write associations.
 */
export function snAccessRight(e: ObjectListEntry, baseName: number, methodsAllowed: boolean): Data {
  const attributes = attributeAccessItems(e);
  // The simulator serves no method of Association SN itself: listed, without access.
  const granted = methodsAllowed && e.classId !== ASSOCIATION_SN.classId;
  const methods: Data[] = methodIds(e).map((id) => ({
    type: 'structure',
    items: [
      { type: 'integer', value: id },
      { type: 'enum', value: granted ? METHOD_ACCESS.granted : METHOD_ACCESS.none },
    ],
  }));
  return {
    type: 'structure',
    items: [
      { type: 'long', value: asLong(baseName) },
      { type: 'array', items: attributes },
      { type: 'array', items: methods },
    ],
  };
}

/** Each listed entry with its base name. */
function listed(ctx: ServeContext): { entry: ObjectListEntry; baseName: number }[] {
  const bases = baseNames(ctx.meter.objects);
  const baseOf = (e: ObjectListEntry): number => {
    for (const [o, b] of bases) if (o.cosemClass.classId === e.classId && bytesEqual(o.logicalName, e.logicalName)) return b;
    return 0;
  };
  return ctx.objectList().map((entry) => ({ entry, baseName: baseOf(entry) }));
}

/** The Security setup object the association sees, or zeros where it sees none. */
function securitySetupReference(ctx: ServeContext): Data {
  const setup = ctx.meter.objects.find((o) => o.cosemClass.classId === SECURITY_SETUP_CLASS_ID && visibleTo(o, ctx.association.definition));
  return { type: 'octet-string', value: setup ? setup.logicalName : new Uint8Array(6) };
}

const VALUES: Readonly<Record<number, (ctx: ServeContext) => Data>> = {
  2: (ctx) => ({ type: 'array', items: listed(ctx).map((l) => snObjectListElement(l.entry, l.baseName)) }),
  3: (ctx) => ({
    type: 'array',
    items: listed(ctx).map((l) => snAccessRight(l.entry, l.baseName, ctx.association.definition.access === 'read-write')),
  }),
  4: securitySetupReference,
};

export const associationSnClass: ClassBehaviour = {
  name: 'association-sn',
  classId: ASSOCIATION_SN.classId,
  version: ASSOCIATION_SN.version,
  attributes: attributesOf(ASSOCIATION_SN, { 2: 'read-only', 3: 'read-only', 4: 'read-only' }),
  // Its methods are listed without access (snAccessRight), so an invocation is refused for that,
  // by READ or WRITE of their short names as by ACTION; an index past the last is undefined.
  methodCount: Math.max(...ASSOCIATION_SN.methods.map((m) => m.index)),
  keys: [],
  build(_entry: Cursor) {
    return {
      read(attribute, ctx) {
        const value = VALUES[attribute];
        return value ? ok(value(ctx)) : refused('object-undefined');
      },
      invoke: () => methodRefused('read-write-denied'),
    };
  },
};
