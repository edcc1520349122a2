/**
 * Association LN, class 15 version 0 (Blue Book 4.4.3), the "current association" view: every
 * attribute describes the association the request arrives in (object list and access rights
 * differ per association, Green Book 9.3.3). The secret (attribute 7) is write-only: the store
 * refuses to read it before this code is reached.
 */
import type { Data } from '../../dlms/axdr/data';
import { ByteWriter } from '../../dlms/bytes';
import { APPLICATION_CONTEXT_NAME, MECHANISM_NAME } from '../../dlms/acse/names';
import { encodeOid } from '../../dlms/ber';
import type { Cursor } from '../../config/yaml-cursor';
import { conformanceBitString } from '../server/conformance';
import { ASSOCIATION_LN } from '../../dlms/cosem/catalogue/association-ln';
import { attributesOf } from './from-catalogue';
import { ACCESS_MODE, ok, refused, type ClassBehaviour, type ObjectListEntry, type ServeContext } from './types';

/** The mechanism each authentication of a meter definition uses (Green Book 9.4.2.2). */
export const MECHANISM_OF = {
  none: MECHANISM_NAME.lowest,
  low: MECHANISM_NAME.low,
  'hls-manufacturer': MECHANISM_NAME.high,
  'hls-md5': MECHANISM_NAME.md5,
  'hls-sha1': MECHANISM_NAME.sha1,
  'hls-gmac': MECHANISM_NAME.gmac,
  'hls-sha256': MECHANISM_NAME.sha256,
  'hls-ecdsa': MECHANISM_NAME.ecdsa,
} as const;

/** Association LN version 0 (Blue Book 4.4.3): attributes 1..8, methods 1..4. */
const V0_LAST_ATTRIBUTE = 8;
const V0_METHOD_COUNT = 4;

/** Blue Book 4.4.3 association_status: 2 = associated (the only state a GET can be served in). */
const ASSOCIATION_STATUS_ASSOCIATED = 2;

/**
 * Attributes 4 and 6 hold an object identifier as the BER encoding of its value in an
 * octet-string (60 85 74 05 08 01 01 for LN), as the independent meter of c_hdlc_none.trace does.
 */
function oidOctets(oid: string): Data {
  const w = new ByteWriter();
  encodeOid(w, oid);
  return { type: 'octet-string', value: w.finish() };
}

/**
 * object_list_element ::= structure { class_id: long-unsigned, version: unsigned,
 * logical_name: octet-string, access_rights } with, in version 0,
 * access_rights ::= structure { array attribute_access_item, array method_access_item },
 * attribute_access_item ::= structure { attribute_id: integer, access_mode: enum, access_selectors: CHOICE { null-data, array of integer } },
 * method_access_item ::= structure { method_id: integer, access_mode: boolean }.
 */
/** attribute_access_item of every attribute (the same structure in Association LN and SN object lists). */
export function attributeAccessItems(e: ObjectListEntry): Data[] {
  return e.attributeAccess.map((a) => ({
    type: 'structure',
    items: [
      { type: 'integer', value: a.id },
      { type: 'enum', value: ACCESS_MODE[a.mode] },
      a.selectors?.length ? { type: 'array', items: a.selectors.map((v): Data => ({ type: 'integer', value: v })) } : { type: 'null-data' },
    ],
  }));
}

export function objectListElement(e: ObjectListEntry, methodsAllowed: boolean): Data {
  const attributes = attributeAccessItems(e);
  const methods: Data[] = [];
  for (let id = 1; id <= e.methodCount; id++) {
    methods.push({
      type: 'structure',
      items: [
        { type: 'integer', value: id },
        { type: 'boolean', value: methodsAllowed },
      ],
    });
  }
  return {
    type: 'structure',
    items: [
      { type: 'long-unsigned', value: e.classId },
      { type: 'unsigned', value: e.version },
      { type: 'octet-string', value: e.logicalName },
      {
        type: 'structure',
        items: [
          { type: 'array', items: attributes },
          { type: 'array', items: methods },
        ],
      },
    ],
  };
}

const VALUES: Readonly<Record<number, (ctx: ServeContext) => Data>> = {
  2: (ctx) => ({
    type: 'array',
    // The simulator serves no ACTION yet: methods are granted to read-write associations only.
    items: ctx.objectList().map((e) => objectListElement(e, ctx.association.definition.access === 'read-write')),
  }),
  // associated_partners_type ::= structure { client_SAP: integer, server_SAP: long-unsigned }
  3: (ctx) => ({
    type: 'structure',
    items: [
      { type: 'integer', value: ctx.association.definition.clientSap },
      { type: 'long-unsigned', value: ctx.meter.hdlc.serverLogical },
    ],
  }),
  4: () => oidOctets(APPLICATION_CONTEXT_NAME['logical-name']),
  // xDLMS_context_type ::= structure { conformance, max_receive_pdu_size, max_send_pdu_size,
  //   dlms_version_number, quality_of_service, cyphering_info }
  5: (ctx) => ({
    type: 'structure',
    items: [
      conformanceBitString(ctx.association.conformance),
      { type: 'long-unsigned', value: ctx.association.definition.maxPduSize },
      { type: 'long-unsigned', value: ctx.association.clientMaxReceivePduSize },
      { type: 'unsigned', value: ctx.association.dlmsVersion },
      { type: 'integer', value: 0 },
      { type: 'octet-string', value: new Uint8Array(0) },
    ],
  }),
  6: (ctx) => oidOctets(MECHANISM_OF[ctx.association.definition.authentication]),
  8: () => ({ type: 'enum', value: ASSOCIATION_STATUS_ASSOCIATED }),
};

export const associationLnClass: ClassBehaviour = {
  name: 'association-ln',
  classId: ASSOCIATION_LN.classId,
  // Version 0 (Blue Book 4.4.3): attributes 1..8 and methods 1..4 of the catalogue's newer
  // version; no security setup object, user list or method access levels to report.
  version: 0,
  attributes: attributesOf(
    ASSOCIATION_LN,
    { 2: 'read-only', 3: 'read-only', 4: 'read-only', 5: 'read-only', 6: 'read-only', 7: 'write-only', 8: 'read-only' },
    V0_LAST_ATTRIBUTE,
  ),
  methodCount: V0_METHOD_COUNT,
  keys: [],
  build(_entry: Cursor) {
    return {
      read(attribute, ctx) {
        const value = VALUES[attribute];
        return value ? ok(value(ctx)) : refused('object-undefined');
      },
    };
  },
};
