import { LOGICAL_NAME, WINDOW } from './common';
import type { InterfaceClassDef } from './types';

/**
 * Blue Book 4.7.5 Auto answer (class_id 28, version 0): when and how the meter answers calls.
 * Version 0 as the meter in c_hdlc_none.trace reports it (6 attributes); version 2 adds
 * list_of_allowed_callers.
 */
export const AUTO_ANSWER: InterfaceClassDef = {
  classId: 28,
  version: 0,
  name: 'Auto answer',
  clause: '4.7.5',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'mode', type: 'enum', static: true },
    { index: 3, name: 'listening_window', type: `array<${WINDOW}>`, static: true },
    { index: 4, name: 'status', type: 'enum' }, // 0 inactive, 1 active, 2 locked
    { index: 5, name: 'number_of_calls', type: 'unsigned', static: true },
    { index: 6, name: 'number_of_rings', type: 'structure{nr_rings_in_window: unsigned, nr_rings_out_of_window: unsigned}', static: true },
  ],
  methods: [],
};

/** Blue Book 4.7.5 Auto answer (class_id 28, version 2): adds the callers allowed to wake the meter up. */
export const AUTO_ANSWER_V2: InterfaceClassDef = {
  ...AUTO_ANSWER,
  version: 2,
  attributes: [
    ...AUTO_ANSWER.attributes,
    { index: 7, name: 'list_of_allowed_callers', type: 'array<structure{caller_id: octet-string, call_type: enum[0..1]}>', static: true },
  ],
};
