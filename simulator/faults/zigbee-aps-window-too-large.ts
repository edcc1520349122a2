import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const zigbeeApsWindowTooLarge: Fault = {
  name: 'zigbee-aps-window-too-large',
  description: 'ZigBee SAS APS fragmentation parameters aps_max_window_size (class 103 attribute 3) reads 16, more blocks than one acknowledgement can cover.',
  clause: 'Blue Book 4.14.4 (ZigBee SAS APS fragmentation parameters), ZigBee specification (apsMaxWindowSize 1..8)',
  hooks: alterAttribute(103, 3, () => ({ type: 'unsigned', value: 16 })),
};
