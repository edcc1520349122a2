import { DATE, LOGICAL_NAME, SCRIPT_REFERENCE, TIME } from './common';
import type { InterfaceClassDef } from './types';

/** Blue Book 4.5.7 Single action schedule (class_id 22, version 0): one script at listed times. */
export const SINGLE_ACTION_SCHEDULE: InterfaceClassDef = {
  classId: 22,
  version: 0,
  name: 'Single action schedule',
  clause: '4.5.7',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'executed_script', type: SCRIPT_REFERENCE, static: true },
    { index: 3, name: 'type', type: 'enum', static: true }, // 1..5: how execution_time is to be read
    { index: 4, name: 'execution_time', type: `array<structure{time: ${TIME}, date: ${DATE}}>`, static: true },
  ],
  methods: [],
};
