import { LOGICAL_NAME, OBIS } from './common';
import type { InterfaceClassDef } from './types';

/** Blue Book 4.9.1 TCP-UDP setup (class_id 41, version 0): the TCP or UDP port of the wrapper (Green Book 7.3.3). */
export const TCP_UDP_SETUP: InterfaceClassDef = {
  classId: 41,
  version: 0,
  name: 'TCP-UDP setup',
  clause: '4.9.1',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'TCP-UDP_port', type: 'long-unsigned', static: true }, // 4059 by default
    { index: 3, name: 'IP_reference', type: OBIS, static: true },
    { index: 4, name: 'MSS', type: 'long-unsigned', static: true },
    { index: 5, name: 'nb_of_sim_conn', type: 'unsigned', static: true },
    { index: 6, name: 'inactivity_time_out', type: 'long-unsigned', static: true }, // s
  ],
  methods: [],
};
