import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const sfskMacAddressOutOfRange: Fault = {
  name: 'sfsk-mac-address-out-of-range',
  description: 'S-FSK Phy&MAC setup mac_address (class 50 attribute 8) reads 0x1000, beyond the 12 bits of an S-FSK MAC address.',
  clause: 'Blue Book 4.10.2 (S-FSK Phy&MAC setup), IEC 61334-5-1 (12-bit MAC addresses)',
  hooks: alterAttribute(50, 8, () => ({ type: 'long-unsigned', value: 0x1000 })),
};
