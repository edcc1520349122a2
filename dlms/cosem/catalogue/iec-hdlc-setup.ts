import { LOGICAL_NAME } from './common';
import type { InterfaceClassDef } from './types';

/** Blue Book 4.7.2 IEC HDLC setup (class_id 23, version 1): the HDLC link parameters (Green Book 8.4). */
export const IEC_HDLC_SETUP: InterfaceClassDef = {
  classId: 23,
  version: 1,
  name: 'IEC HDLC setup',
  clause: '4.7.2',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'comm_speed', type: 'enum', static: true }, // 0 = 300 … 9 = 115200 baud
    { index: 3, name: 'window_size_transmit', type: 'unsigned', static: true },
    { index: 4, name: 'window_size_receive', type: 'unsigned', static: true },
    { index: 5, name: 'max_info_field_length_transmit', type: 'long-unsigned', static: true },
    { index: 6, name: 'max_info_field_length_receive', type: 'long-unsigned', static: true },
    { index: 7, name: 'inter_octet_time_out', type: 'long-unsigned', static: true }, // ms
    { index: 8, name: 'inactivity_time_out', type: 'long-unsigned', static: true }, // s
    { index: 9, name: 'device_address', type: 'long-unsigned', static: true },
  ],
  methods: [],
};
