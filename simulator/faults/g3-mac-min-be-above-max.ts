import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const g3MacMinBeAboveMax: Fault = {
  name: 'g3-mac-min-be-above-max',
  description: 'G3-PLC MAC setup mac_min_BE (class 91 attribute 22) reads 8, above mac_max_BE.',
  clause: 'Blue Book 4.13.3 (G3-PLC MAC setup), IEEE 802.15.4 (macMinBE 0..macMaxBE)',
  hooks: alterAttribute(91, 22, () => ({ type: 'unsigned', value: 8 })),
};
