import { LOGICAL_NAME, SCRIPT_REFERENCE, VALUE_DEFINITION } from './common';
import type { InterfaceClassDef } from './types';

/** Blue Book 4.5.6 Register monitor (class_id 21, version 0): scripts run when a value crosses thresholds. */
export const REGISTER_MONITOR: InterfaceClassDef = {
  classId: 21,
  version: 0,
  name: 'Register monitor',
  clause: '4.5.6',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'thresholds', type: 'array<simple>', static: true },
    { index: 3, name: 'monitored_value', type: VALUE_DEFINITION, static: true },
    { index: 4, name: 'actions', type: `array<structure{action_up: ${SCRIPT_REFERENCE}, action_down: ${SCRIPT_REFERENCE}}>`, static: true },
  ],
  methods: [],
};
