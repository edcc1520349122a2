import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const mbusClientPrimaryAddressOutOfRange: Fault = {
  name: 'mbus-client-primary-address-out-of-range',
  description: 'M-Bus client primary_address (class 72 attribute 5) reads 251.',
  clause: 'Blue Book 4.8.3 (M-Bus client primary_address: 0..250)',
  hooks: alterAttribute(72, 5, () => ({ type: 'unsigned', value: 251 })),
};
