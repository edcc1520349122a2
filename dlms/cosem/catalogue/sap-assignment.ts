import { LOGICAL_NAME } from './common';
import type { InterfaceClassDef } from './types';

const ASSLIST_ELEMENT = 'structure{SAP: long-unsigned, logical_device_name: octet-string}';

/** Blue Book 4.4.4 SAP assignment (class_id 17, version 0): logical devices and their SAPs. */
export const SAP_ASSIGNMENT: InterfaceClassDef = {
  classId: 17,
  version: 0,
  name: 'SAP assignment',
  clause: '4.4.4',
  attributes: [LOGICAL_NAME, { index: 2, name: 'SAP_assignment_list', type: `array<${ASSLIST_ELEMENT}>` }],
  methods: [{ index: 1, name: 'connect_logical_device', parameter: ASSLIST_ELEMENT }],
};
