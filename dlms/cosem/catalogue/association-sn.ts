import { LOGICAL_NAME, OBIS } from './common';
import type { InterfaceClassDef } from './types';

const OBJECT_NAME_LIST = `array<structure{class_id: long-unsigned, logical_name: ${OBIS}}>`;
const USER_LIST_ENTRY = 'structure{user_id: unsigned, user_name: visible-string}';

/**
 * Blue Book 4.4.2 Association SN (class_id 12, version 2). Methods 1, 2 and 7 are reserved,
 * which is why the numbering has gaps (the short name of method n is base + 0x20 + 8·(n−1)).
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
    { index: 3, name: 'read_by_logicalname', parameter: OBJECT_NAME_LIST },
    { index: 4, name: 'get_attributes&services', parameter: OBJECT_NAME_LIST },
    { index: 5, name: 'change_LLS_secret', parameter: 'octet-string' },
    { index: 6, name: 'change_HLS_secret', parameter: 'octet-string' },
    { index: 8, name: 'reply_to_HLS_authentication', parameter: 'octet-string' },
  ],
};

/** Blue Book 4.4.2 Association SN (class_id 12, version 3): adds user_list, current_user, add_user, remove_user. */
export const ASSOCIATION_SN_V3: InterfaceClassDef = {
  ...ASSOCIATION_SN,
  version: 3,
  attributes: [
    ...ASSOCIATION_SN.attributes,
    { index: 5, name: 'user_list', type: `array<${USER_LIST_ENTRY}>` },
    { index: 6, name: 'current_user', type: USER_LIST_ENTRY },
  ],
  methods: [
    ...ASSOCIATION_SN.methods,
    { index: 9, name: 'add_user', parameter: USER_LIST_ENTRY },
    { index: 10, name: 'remove_user', parameter: USER_LIST_ENTRY },
  ],
};

/** Blue Book 4.4.2 Association SN (class_id 12, version 4): the shape of version 3, access rights with protection. */
export const ASSOCIATION_SN_V4: InterfaceClassDef = { ...ASSOCIATION_SN_V3, version: 4 };
