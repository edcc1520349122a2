import { LOGICAL_NAME, OBIS } from './common';
import type { InterfaceClassDef } from './types';

const ACCESS_RIGHTS =
  'structure{attribute_access: array<structure{attribute_id: integer, access_mode: enum, access_selectors: choice<null-data | array<integer>>}>, ' +
  'method_access: array<structure{method_id: integer, access_mode: enum}>}';
const OBJECT_LIST_ELEMENT = `structure{class_id: long-unsigned, version: unsigned, logical_name: ${OBIS}, access_rights: ${ACCESS_RIGHTS}}`;
const USER_LIST_ENTRY = 'structure{user_id: unsigned, user_name: visible-string}';

/** Version 0: method_access is a boolean (access granted or not), not an enum. */
const ACCESS_RIGHTS_V0 =
  'structure{attribute_access: array<structure{attribute_id: integer, access_mode: enum, access_selectors: choice<null-data | array<integer>>}>, ' +
  'method_access: array<structure{method_id: integer, access_mode: boolean}>}';
const OBJECT_LIST_ELEMENT_V0 = `structure{class_id: long-unsigned, version: unsigned, logical_name: ${OBIS}, access_rights: ${ACCESS_RIGHTS_V0}}`;
/**
 * Version 0 names the application context and the mechanism either by the BER-encoded OID in an
 * octet-string (what meters send) or by its arcs in a structure of seven elements.
 */
const NAME_V0 =
  'choice<octet-string | structure{joint_iso_ctt: unsigned, country: unsigned, country_name: long-unsigned, identified_organization: unsigned, DLMS_UA: unsigned, context_or_mechanism: unsigned, id: unsigned}>';

/**
 * Blue Book 4.4.3 Association LN (class_id 15, version 2): the association's object list and
 * context. Version 2 is what the independent meter in c_hdlc_none.trace reports (11 attributes,
 * 6 methods). Version 0 had method_access as boolean and application_context_name as a structure.
 */
/** Blue Book 4.4.3 Association LN (class_id 15, version 0): attributes 1..8, methods 1..4. */
export const ASSOCIATION_LN_V0: InterfaceClassDef = {
  classId: 15,
  version: 0,
  name: 'Association LN',
  clause: '4.4.3',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'object_list', type: `array<${OBJECT_LIST_ELEMENT_V0}>` },
    { index: 3, name: 'associated_partners_id', type: 'structure{client_SAP: integer, server_SAP: long-unsigned}' },
    { index: 4, name: 'application_context_name', type: NAME_V0 },
    {
      index: 5,
      name: 'xDLMS_context_info',
      type: 'structure{conformance: bit-string, max_receive_pdu_size: long-unsigned, max_send_pdu_size: long-unsigned, dlms_version_number: unsigned, quality_of_service: integer, cyphering_info: octet-string}',
    },
    { index: 6, name: 'authentication_mechanism_name', type: NAME_V0 },
    { index: 7, name: 'secret', type: 'octet-string' },
    { index: 8, name: 'association_status', type: 'enum' },
  ],
  methods: [
    { index: 1, name: 'reply_to_HLS_authentication', parameter: 'octet-string' },
    { index: 2, name: 'change_HLS_secret', parameter: 'octet-string' },
    { index: 3, name: 'add_object', parameter: OBJECT_LIST_ELEMENT_V0 },
    { index: 4, name: 'remove_object', parameter: OBJECT_LIST_ELEMENT_V0 },
  ],
};

/**
 * Blue Book 4.4.3 Association LN (class_id 15, version 1): adds security_setup_reference;
 * method_access becomes an enum and the names octet-strings.
 */
export const ASSOCIATION_LN_V1: InterfaceClassDef = {
  classId: 15,
  version: 1,
  name: 'Association LN',
  clause: '4.4.3',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'object_list', type: `array<${OBJECT_LIST_ELEMENT}>` },
    { index: 3, name: 'associated_partners_id', type: 'structure{client_SAP: integer, server_SAP: long-unsigned}' },
    { index: 4, name: 'application_context_name', type: 'octet-string' },
    {
      index: 5,
      name: 'xDLMS_context_info',
      type: 'structure{conformance: bit-string, max_receive_pdu_size: long-unsigned, max_send_pdu_size: long-unsigned, dlms_version_number: unsigned, quality_of_service: integer, cyphering_info: octet-string}',
    },
    { index: 6, name: 'authentication_mechanism_name', type: 'octet-string' },
    { index: 7, name: 'secret', type: 'octet-string' },
    { index: 8, name: 'association_status', type: 'enum[0..2]' },
    { index: 9, name: 'security_setup_reference', type: OBIS },
  ],
  methods: ASSOCIATION_LN_V0.methods.map((m) => (m.index >= 3 ? { ...m, parameter: OBJECT_LIST_ELEMENT } : m)),
};

export const ASSOCIATION_LN: InterfaceClassDef = {
  classId: 15,
  version: 2,
  name: 'Association LN',
  clause: '4.4.3',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'object_list', type: `array<${OBJECT_LIST_ELEMENT}>` },
    { index: 3, name: 'associated_partners_id', type: 'structure{client_SAP: integer, server_SAP: long-unsigned}' },
    { index: 4, name: 'application_context_name', type: 'octet-string' }, // the BER-encoded OID
    {
      index: 5,
      name: 'xDLMS_context_info',
      type: 'structure{conformance: bit-string, max_receive_pdu_size: long-unsigned, max_send_pdu_size: long-unsigned, dlms_version_number: unsigned, quality_of_service: integer, cyphering_info: octet-string}',
    },
    { index: 6, name: 'authentication_mechanism_name', type: 'octet-string' },
    { index: 7, name: 'secret', type: 'octet-string' },
    { index: 8, name: 'association_status', type: 'enum[0..2]' }, // 0 non-associated, 1 association-pending, 2 associated
    { index: 9, name: 'security_setup_reference', type: OBIS },
    { index: 10, name: 'user_list', type: `array<${USER_LIST_ENTRY}>` },
    { index: 11, name: 'current_user', type: USER_LIST_ENTRY },
  ],
  methods: [
    { index: 1, name: 'reply_to_HLS_authentication', parameter: 'octet-string' },
    { index: 2, name: 'change_HLS_secret', parameter: 'octet-string' },
    { index: 3, name: 'add_object', parameter: OBJECT_LIST_ELEMENT },
    { index: 4, name: 'remove_object', parameter: OBJECT_LIST_ELEMENT },
    { index: 5, name: 'add_user', parameter: USER_LIST_ENTRY },
    { index: 6, name: 'remove_user', parameter: USER_LIST_ENTRY },
  ],
};

/**
 * Blue Book 4.4.3 Association LN (class_id 15, version 3): the attributes and methods of version
 * 2; the access modes of the object list gain the authenticated and encrypted variants
 * (attribute access 0..7, method access 0..3 plus protection bits).
 */
export const ASSOCIATION_LN_V3: InterfaceClassDef = { ...ASSOCIATION_LN, version: 3 };
