import { ANY, LOGICAL_NAME } from './common';
import type { InterfaceClassDef } from './types';

/** Blue Book 4.3.1 Data (class_id 1, version 0): a value that is not a measurement. */
export const DATA: InterfaceClassDef = {
  classId: 1,
  version: 0,
  name: 'Data',
  clause: '4.3.1',
  attributes: [LOGICAL_NAME, { index: 2, name: 'value', type: ANY }],
  methods: [],
};
