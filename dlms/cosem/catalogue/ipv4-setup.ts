import { INTEGER_ZERO, LOGICAL_NAME, OBIS } from './common';
import type { InterfaceClassDef } from './types';

/** Blue Book 4.9.2 IPv4 setup (class_id 42, version 0); addresses are double-long-unsigned, most significant byte first. */
export const IPV4_SETUP: InterfaceClassDef = {
  classId: 42,
  version: 0,
  name: 'IPv4 setup',
  clause: '4.9.2',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'DL_reference', type: OBIS, static: true },
    { index: 3, name: 'IP_address', type: 'double-long-unsigned' },
    { index: 4, name: 'multicast_IP_address', type: 'array<double-long-unsigned>' },
    { index: 5, name: 'IP_options', type: 'array<structure{IP_option_type: unsigned, IP_option_length: unsigned, IP_option_data: octet-string}>' },
    { index: 6, name: 'subnet_mask', type: 'double-long-unsigned' },
    { index: 7, name: 'gateway_IP_address', type: 'double-long-unsigned' },
    { index: 8, name: 'use_DHCP_flag', type: 'boolean' },
    { index: 9, name: 'primary_DNS_address', type: 'double-long-unsigned' },
    { index: 10, name: 'secondary_DNS_address', type: 'double-long-unsigned' },
  ],
  methods: [
    { index: 1, name: 'add_mc_IP_address', parameter: 'double-long-unsigned' },
    { index: 2, name: 'delete_mc_IP_address', parameter: 'double-long-unsigned' },
    { index: 3, name: 'get_nbof_mc_IP_addresses', parameter: INTEGER_ZERO },
  ],
};
