import { DATE, LOGICAL_NAME, OBIS, TIME } from './common';
import type { InterfaceClassDef } from './types';

const SCHEDULE_TABLE_ENTRY =
  `structure{index: long-unsigned, enable: boolean, script_logical_name: ${OBIS}, script_selector: long-unsigned, switch_time: ${TIME}, ` +
  `validity_window: long-unsigned, exec_weekdays: bit-string, exec_specdays: bit-string, begin_date: ${DATE}, end_date: ${DATE}}`;
const RANGE = 'structure{first_index: long-unsigned, last_index: long-unsigned}';

/** Blue Book 4.5.3 Schedule (class_id 10, version 0): scripts run at times on given days. */
export const SCHEDULE: InterfaceClassDef = {
  classId: 10,
  version: 0,
  name: 'Schedule',
  clause: '4.5.3',
  attributes: [LOGICAL_NAME, { index: 2, name: 'entries', type: `array<${SCHEDULE_TABLE_ENTRY}>`, static: true }],
  methods: [
    {
      index: 1,
      name: 'enable/disable',
      parameter: 'structure{disable_first: long-unsigned, disable_last: long-unsigned, enable_first: long-unsigned, enable_last: long-unsigned}',
    },
    { index: 2, name: 'insert', parameter: SCHEDULE_TABLE_ENTRY },
    { index: 3, name: 'delete', parameter: RANGE },
  ],
};
