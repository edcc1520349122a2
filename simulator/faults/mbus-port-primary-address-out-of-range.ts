import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const mbusPortPrimaryAddressOutOfRange: Fault = {
  name: 'mbus-port-primary-address-out-of-range',
  description: 'DLMS/COSEM server M-Bus port setup primary_address (class 76 attribute 5) reads 251.',
  clause: 'Blue Book 4.8.6 (DLMS/COSEM server M-Bus port setup primary_address: 0..250)',
  hooks: alterAttribute(76, 5, () => ({ type: 'unsigned', value: 251 })),
};
