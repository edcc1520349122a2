import { LOGICAL_NAME } from './common';
import type { InterfaceClassDef } from './types';

/** Blue Book 4.7.1 IEC local port setup (class_id 19, version 1): the IEC 62056-21 optical port. */
export const IEC_LOCAL_PORT_SETUP: InterfaceClassDef = {
  classId: 19,
  version: 1,
  name: 'IEC local port setup',
  clause: '4.7.1',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'default_mode', type: 'enum', static: true },
    { index: 3, name: 'default_baud', type: 'enum', static: true }, // 0 = 300 … 9 = 115200 baud
    { index: 4, name: 'prop_baud', type: 'enum', static: true },
    { index: 5, name: 'response_time', type: 'enum', static: true },
    { index: 6, name: 'device_addr', type: 'octet-string', static: true },
    { index: 7, name: 'pass_p1', type: 'octet-string', static: true },
    { index: 8, name: 'pass_p2', type: 'octet-string', static: true },
    { index: 9, name: 'pass_w5', type: 'octet-string', static: true },
  ],
  methods: [],
};
