import { LOGICAL_NAME, OBIS } from './common';
import type { InterfaceClassDef } from './types';

const ACTION_SPECIFICATION = `structure{service_id: enum, class_id: long-unsigned, logical_name: ${OBIS}, index: integer, parameter: any}`;

/** Blue Book 4.5.2 Script table (class_id 9, version 0): scripts of attribute writes and method calls. */
export const SCRIPT_TABLE: InterfaceClassDef = {
  classId: 9,
  version: 0,
  name: 'Script table',
  clause: '4.5.2',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'scripts', type: `array<structure{script_identifier: long-unsigned, actions: array<${ACTION_SPECIFICATION}>}>`, static: true },
  ],
  methods: [{ index: 1, name: 'execute', parameter: 'long-unsigned' }],
};
