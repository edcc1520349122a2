import { LOGICAL_NAME, OBIS } from './common';
import type { InterfaceClassDef } from './types';

/**
 * Blue Book 4.4.2 Association SN (class_id 12, version 2). Only the methods whose numbering two
 * independent implementations agree on are listed (3 read_by_logicalname, 8
 * reply_to_HLS_authentication); the others are numbered differently by different sources and
 * are left out rather than guessed.
 */
export const ASSOCIATION_SN: InterfaceClassDef = {
  classId: 12,
  version: 2,
  name: 'Association SN',
  clause: '4.4.2',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'object_list', type: `array<structure{base_name: long, class_id: long-unsigned, version: unsigned, logical_name: ${OBIS}}>` },
    { index: 3, name: 'access_rights_list', type: 'array<any>' },
    { index: 4, name: 'security_setup_reference', type: OBIS, static: true },
  ],
  methods: [
    { index: 3, name: 'read_by_logicalname', parameter: `array<structure{class_id: long-unsigned, logical_name: ${OBIS}}>` },
    { index: 8, name: 'reply_to_HLS_authentication', parameter: 'octet-string' },
  ],
};
