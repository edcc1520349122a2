import { DATE, LOGICAL_NAME } from './common';
import type { InterfaceClassDef } from './types';

const SPEC_DAY_ENTRY = `structure{index: long-unsigned, specialday_date: ${DATE}, day_id: unsigned}`;

/** Blue Book 4.5.4 Special days table (class_id 11, version 0): dates that use another day profile. */
export const SPECIAL_DAYS_TABLE: InterfaceClassDef = {
  classId: 11,
  version: 0,
  name: 'Special days table',
  clause: '4.5.4',
  attributes: [LOGICAL_NAME, { index: 2, name: 'entries', type: `array<${SPEC_DAY_ENTRY}>`, static: true }],
  methods: [
    { index: 1, name: 'insert', parameter: SPEC_DAY_ENTRY },
    { index: 2, name: 'delete', parameter: 'long-unsigned' },
  ],
};
