import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const clockTimeZoneOutOfRange: Fault = {
  name: 'clock-time-zone-out-of-range',
  description: 'Clock time_zone (class 8 attribute 3) reads 900 minutes.',
  clause: 'Blue Book 4.5.1 (Clock time_zone: -720..720 minutes)',
  hooks: alterAttribute(8, 3, () => ({ type: 'long', value: 900 })),
};
