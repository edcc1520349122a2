/**
 * Association SN, class 12 version 0 (Blue Book 4.4.2), the current association of a
 * short-name association: its object_list lists every object the association sees with its
 * base name. Faults that alter the object list alter this one too (ctx.objectList()).
 */
import type { Data } from '../../dlms/axdr/data';
import { bytesEqual } from '../../dlms/bytes';
import { ASSOCIATION_SN } from '../../dlms/cosem/catalogue/association-sn';
import type { Cursor } from '../../config/yaml-cursor';
import { attributesOf } from './from-catalogue';
import { baseNames } from './short-names';
import { ok, refused, type ClassBehaviour, type ObjectListEntry, type ServeContext } from './types';

/** Version 0 has logical_name and object_list only (Blue Book 4.4.2). */
const V0_LAST_ATTRIBUTE = 2;

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

function objectList(ctx: ServeContext): Data {
  const bases = baseNames(ctx.meter.objects);
  const baseOf = (e: ObjectListEntry): number => {
    for (const [o, b] of bases) if (o.cosemClass.classId === e.classId && bytesEqual(o.logicalName, e.logicalName)) return b;
    return 0;
  };
  return { type: 'array', items: ctx.objectList().map((e) => snObjectListElement(e, baseOf(e))) };
}

export const associationSnClass: ClassBehaviour = {
  name: 'association-sn',
  classId: ASSOCIATION_SN.classId,
  version: 0,
  attributes: attributesOf(ASSOCIATION_SN, { 2: 'read-only' }, V0_LAST_ATTRIBUTE),
  methodCount: 0,
  keys: [],
  build(_entry: Cursor) {
    return {
      read(attribute, ctx) {
        return attribute === 2 ? ok(objectList(ctx)) : refused('object-undefined');
      },
    };
  },
};
