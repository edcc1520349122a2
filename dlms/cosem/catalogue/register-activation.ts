import { LOGICAL_NAME, OBJECT_DEFINITION } from './common';
import type { InterfaceClassDef } from './types';

const REGISTER_ACT_MASK = 'structure{mask_name: octet-string, index_list: array<unsigned>}';

/** Blue Book 4.3.5 Register activation (class_id 6, version 0): which registers count, per tariff mask. */
export const REGISTER_ACTIVATION: InterfaceClassDef = {
  classId: 6,
  version: 0,
  name: 'Register activation',
  clause: '4.3.5',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'register_assignment', type: `array<${OBJECT_DEFINITION}>`, static: true },
    { index: 3, name: 'mask_list', type: `array<${REGISTER_ACT_MASK}>`, static: true },
    { index: 4, name: 'active_mask', type: 'octet-string' },
  ],
  methods: [
    { index: 1, name: 'add_register', parameter: OBJECT_DEFINITION },
    { index: 2, name: 'add_mask', parameter: REGISTER_ACT_MASK },
    { index: 3, name: 'delete_mask', parameter: 'octet-string' },
  ],
};
