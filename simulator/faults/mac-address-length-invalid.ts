import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const macAddressLengthInvalid: Fault = {
  name: 'mac-address-length-invalid',
  description: 'MAC address setup MAC_address (class 43 attribute 2) reads 4 octets, neither an EUI-48 nor an EUI-64.',
  clause: 'Blue Book 4.9.4 (MAC address setup), IEEE Std 802 (EUI-48, EUI-64)',
  hooks: alterAttribute(43, 2, () => ({ type: 'octet-string', value: Uint8Array.from([0x00, 0x1a, 0x2b, 0x3c]) })),
};
