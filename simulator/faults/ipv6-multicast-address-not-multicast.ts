import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const ipv6MulticastAddressNotMulticast: Fault = {
  name: 'ipv6-multicast-address-not-multicast',
  description: 'IPv6 setup multicast_IPv6_addresses (class 48 attribute 5) lists 2001:db8::2, a unicast address.',
  clause: 'Blue Book 4.9.3 (IPv6 setup multicast_IPv6_addresses), RFC 4291 2.7 (FF00::/8)',
  hooks: alterAttribute(48, 5, () => ({
    type: 'array',
    items: [{ type: 'octet-string', value: Uint8Array.from([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]) }],
  })),
};
