import { DATE_TIME, INTEGER_ZERO, LOGICAL_NAME, SCALER_UNIT } from './common';
import type { InterfaceClassDef } from './types';

/** Blue Book 4.3.4 Demand register (class_id 5, version 0): averages over sliding periods. */
export const DEMAND_REGISTER: InterfaceClassDef = {
  classId: 5,
  version: 0,
  name: 'Demand register',
  clause: '4.3.4',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'current_average_value', type: 'simple' },
    { index: 3, name: 'last_average_value', type: 'simple' },
    { index: 4, name: 'scaler_unit', type: SCALER_UNIT, static: true },
    { index: 5, name: 'status', type: 'simple' },
    { index: 6, name: 'capture_time', type: DATE_TIME },
    { index: 7, name: 'start_time_current', type: DATE_TIME },
    { index: 8, name: 'period', type: 'double-long-unsigned', static: true }, // seconds
    { index: 9, name: 'number_of_periods', type: 'long-unsigned', static: true },
  ],
  methods: [
    { index: 1, name: 'reset', parameter: INTEGER_ZERO },
    { index: 2, name: 'next_period', parameter: INTEGER_ZERO },
  ],
};
