/**
 * Push setup, class 40 version 0 (Blue Book 4.4.8): what to push and where. Method 1 (push)
 * reads every attribute of push_object_list in the current association's context and returns
 * them, in order, as the body of a data-notification (a structure, one element per captured
 * attribute; an attribute that cannot be read is null-data). The server sends the notification
 * after the ACTION response, on the same connection (Green Book 9.3.x DataNotification; over
 * HDLC in a UI frame when the client polls, per the DLMS UA FAQ on event reporting).
 *
 * Definition keys: `pushObjectList: [{ class, obis, attribute }]`, `destination: text`.
 */
import type { Data } from '../../dlms/axdr/data';
import { parseObis } from '../../dlms/cosem/obis';
import { isDecodeError } from '../../dlms/bytes/decode-error';
import type { Cursor } from '../../config/yaml-cursor';
import { PUSH_SETUP } from '../../dlms/cosem/catalogue/push-setup';
import { attributesOf } from './from-catalogue';
import { isIntegerZero } from './method-parameter';
import { readAttribute, type AttributeAddress } from './store';
import { methodRefused, ok, refused, type ClassBehaviour } from './types';

const PUSH = 1;
/** Blue Book 4.4.8 send_destination_and_method: transport_service 0 = TCP, message 0 = A-XDR xDLMS APDU. */
const TRANSPORT_TCP = 0;
const MESSAGE_AXDR = 0;

function captured(c: Cursor): AttributeAddress {
  c.only(['class', 'obis', 'attribute']);
  const obis = c.need('obis');
  let logicalName: Uint8Array;
  try {
    logicalName = parseObis(obis.string());
  } catch (e) {
    if (isDecodeError(e)) obis.fail(`not an OBIS code (${e.code})`);
    throw e;
  }
  return { classId: c.need('class').int(0, 0xffff), logicalName, attribute: c.need('attribute').int(1, 127) };
}

export const pushSetupClass: ClassBehaviour = {
  name: 'push-setup',
  classId: PUSH_SETUP.classId,
  version: PUSH_SETUP.version,
  attributes: attributesOf(PUSH_SETUP),
  methodCount: PUSH_SETUP.methods.length,
  keys: ['pushObjectList', 'destination'],
  build(entry: Cursor) {
    const list = entry.need('pushObjectList').items().map(captured);
    const destination = new TextEncoder().encode(entry.get('destination').present ? entry.get('destination').string() : '');
    const values: Readonly<Record<number, Data>> = {
      // capture_object_definition: { class_id, logical_name, attribute_index, data_index 0 = whole attribute }
      2: {
        type: 'array',
        items: list.map((a) => ({
          type: 'structure',
          items: [
            { type: 'long-unsigned', value: a.classId },
            { type: 'octet-string', value: a.logicalName },
            { type: 'integer', value: a.attribute },
            { type: 'long-unsigned', value: 0 },
          ],
        })),
      },
      3: {
        type: 'structure',
        items: [
          { type: 'enum', value: TRANSPORT_TCP },
          { type: 'octet-string', value: destination },
          { type: 'enum', value: MESSAGE_AXDR },
        ],
      },
      4: { type: 'array', items: [] },
      5: { type: 'long-unsigned', value: 0 },
      6: { type: 'unsigned', value: 0 },
      7: { type: 'long-unsigned', value: 0 },
    };
    return {
      read(attribute) {
        const v = values[attribute];
        return v ? ok(v) : refused('object-undefined');
      },
      invoke(method, parameters, ctx) {
        if (method !== PUSH) return methodRefused('object-undefined');
        if (!isIntegerZero(parameters)) return methodRefused('type-unmatched');
        const items = list.map((a): Data => {
          const r = readAttribute(a, ctx);
          return r.kind === 'data' ? r.data : { type: 'null-data' };
        });
        return { kind: 'success', notify: { type: 'structure', items } };
      },
    };
  },
};
