import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const zigbeeExtendedPanIdShort: Fault = {
  name: 'zigbee-extended-pan-id-short',
  description: 'ZigBee SAS startup extended_pan_id (class 101 attribute 3) reads 4 octets, not the 64-bit extended PAN id.',
  clause: 'Blue Book 4.14.2 (ZigBee SAS startup), ZigBee startup attribute set (64-bit extended PAN id)',
  hooks: alterAttribute(101, 3, () => ({ type: 'octet-string', value: Uint8Array.from([0x00, 0x0d, 0x6f, 0x00]) })),
};
