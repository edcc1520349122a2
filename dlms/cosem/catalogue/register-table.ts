import { INTEGER_ZERO, LOGICAL_NAME, OBIS, SCALER_UNIT } from './common';
import type { InterfaceClassDef } from './types';

/** Blue Book 4.3.8 Register table (class_id 61, version 0): values of like registers in one table. */
export const REGISTER_TABLE: InterfaceClassDef = {
  classId: 61,
  version: 0,
  name: 'Register table',
  clause: '4.3.8',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'table_cell_values', type: 'array<simple>' },
    {
      index: 3,
      name: 'table_cell_definition',
      type: `structure{class_id: long-unsigned, logical_name: ${OBIS}, group_E_values: array<unsigned>, attribute_index: integer}`,
      static: true,
    },
    { index: 4, name: 'scaler_unit', type: SCALER_UNIT, static: true },
  ],
  methods: [
    { index: 1, name: 'reset', parameter: INTEGER_ZERO },
    { index: 2, name: 'capture', parameter: INTEGER_ZERO },
  ],
};
