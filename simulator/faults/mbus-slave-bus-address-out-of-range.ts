import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const mbusSlaveBusAddressOutOfRange: Fault = {
  name: 'mbus-slave-bus-address-out-of-range',
  description: 'M-Bus slave port setup bus_address (class 25 attribute 5) reads 253, the secondary-addressing address.',
  clause: 'Blue Book 4.8.2 (M-Bus slave port setup bus_address: 0..250)',
  hooks: alterAttribute(25, 5, () => ({ type: 'unsigned', value: 253 })),
};
