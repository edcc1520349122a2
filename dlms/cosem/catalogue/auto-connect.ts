import { INTEGER_ZERO, LOGICAL_NAME, WINDOW } from './common';
import type { InterfaceClassDef } from './types';

/** Blue Book 4.7.6 Auto connect (class_id 29, version 2): when and where the meter calls out. */
export const AUTO_CONNECT: InterfaceClassDef = {
  classId: 29,
  version: 2,
  name: 'Auto connect',
  clause: '4.7.6',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'mode', type: 'enum', static: true },
    { index: 3, name: 'repetitions', type: 'unsigned', static: true },
    { index: 4, name: 'repetition_delay', type: 'long-unsigned', static: true }, // s
    { index: 5, name: 'calling_window', type: `array<${WINDOW}>`, static: true },
    { index: 6, name: 'destination_list', type: 'array<octet-string>', static: true },
  ],
  methods: [{ index: 1, name: 'connect', parameter: INTEGER_ZERO }],
};
