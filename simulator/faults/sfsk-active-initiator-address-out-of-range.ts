import { alterAttribute, withItem } from './attribute-hook';
import type { Fault } from './types';

export const sfskActiveInitiatorAddressOutOfRange: Fault = {
  name: 'sfsk-active-initiator-address-out-of-range',
  description: 'S-FSK Active initiator active_initiator (class 51 attribute 2) gives the initiator the MAC address 0x2000, beyond 12 bits.',
  clause: 'Blue Book 4.10.3 (S-FSK Active initiator), IEC 61334-5-1 (12-bit MAC addresses)',
  hooks: alterAttribute(51, 2, (v) => withItem(v, 1, { type: 'long-unsigned', value: 0x2000 })),
};
