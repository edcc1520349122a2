/**
 * SAP assignment, class 17 version 0 (Blue Book 4.4.9): which logical device sits behind which
 * SAP. The simulator has one logical device, the management one, at the server's logical address.
 */
import type { Cursor } from '../../config/yaml-cursor';
import { SAP_ASSIGNMENT } from '../../dlms/cosem/catalogue/sap-assignment';
import { attributesOf } from './from-catalogue';
import { ok, refused, type ClassBehaviour } from './types';

export const sapAssignmentClass: ClassBehaviour = {
  name: 'sap-assignment',
  classId: SAP_ASSIGNMENT.classId,
  version: SAP_ASSIGNMENT.version,
  attributes: attributesOf(SAP_ASSIGNMENT),
  methodCount: SAP_ASSIGNMENT.methods.length,
  keys: [],
  build(_entry: Cursor) {
    return {
      read(attribute, ctx) {
        if (attribute !== 2) return refused('object-undefined');
        // asslist_element ::= structure { SAP: long-unsigned, logical_device_name: octet-string }
        return ok({
          type: 'array',
          items: [
            {
              type: 'structure',
              items: [
                { type: 'long-unsigned', value: ctx.meter.hdlc.serverLogical },
                { type: 'octet-string', value: new TextEncoder().encode(ctx.meter.logicalDeviceName) },
              ],
            },
          ],
        });
      },
    };
  },
};
