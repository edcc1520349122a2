import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const ipv4MulticastAddressNotMulticast: Fault = {
  name: 'ipv4-multicast-address-not-multicast',
  description: 'IPv4 setup multicast_IP_address (class 42 attribute 4) lists 192.0.2.1, a unicast address.',
  clause: 'Blue Book 4.9.2 (IPv4 setup multicast_IP_address), RFC 5771 (224.0.0.0/4)',
  hooks: alterAttribute(42, 4, () => ({ type: 'array', items: [{ type: 'double-long-unsigned', value: 0xc0000201 }] })),
};
