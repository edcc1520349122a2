import { alterAttribute, items, withItem } from './attribute-hook';
import type { Fault } from './types';

export const sfskCountersAddressOutOfRange: Fault = {
  name: 'sfsk-counters-address-out-of-range',
  description: 'S-FSK MAC counters synchronization_register (class 53 attribute 2) counts an initiator at MAC address 0xF000, beyond 12 bits.',
  clause: 'Blue Book 4.10.5 (S-FSK MAC counters), IEC 61334-5-1 (12-bit MAC addresses)',
  hooks: alterAttribute(53, 2, (v) => {
    const first = items(v)[0];
    return first ? withItem(v, 0, withItem(first, 0, { type: 'long-unsigned', value: 0xf000 })) : undefined;
  }),
};
