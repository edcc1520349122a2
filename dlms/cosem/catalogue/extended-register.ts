import { DATE_TIME, INTEGER_ZERO, LOGICAL_NAME, SCALER_UNIT } from './common';
import type { InterfaceClassDef } from './types';

/** Blue Book 4.3.3 Extended register (class_id 4, version 0): a Register with status and capture time. */
export const EXTENDED_REGISTER: InterfaceClassDef = {
  classId: 4,
  version: 0,
  name: 'Extended register',
  clause: '4.3.3',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'value', type: 'simple' },
    { index: 3, name: 'scaler_unit', type: SCALER_UNIT, static: true },
    { index: 4, name: 'status', type: 'simple' }, // CHOICE, meaning manufacturer-specific
    { index: 5, name: 'capture_time', type: DATE_TIME },
  ],
  methods: [{ index: 1, name: 'reset', parameter: INTEGER_ZERO }],
};
