import { INTEGER_ZERO, LOGICAL_NAME, SCALER_UNIT } from './common';
import type { InterfaceClassDef } from './types';

/** Blue Book 4.3.2 Register (class_id 3, version 0): a value with a scaler and unit. */
export const REGISTER: InterfaceClassDef = {
  classId: 3,
  version: 0,
  name: 'Register',
  clause: '4.3.2',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'value', type: 'simple' }, // CHOICE of the numeric, string and date types
    { index: 3, name: 'scaler_unit', type: SCALER_UNIT, static: true },
  ],
  methods: [{ index: 1, name: 'reset', parameter: INTEGER_ZERO }],
};
