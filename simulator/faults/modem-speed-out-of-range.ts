import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const modemSpeedOutOfRange: Fault = {
  name: 'modem-speed-out-of-range',
  description: 'Modem configuration comm_speed (class 27 attribute 2) reads 10, a speed the Blue Book does not define.',
  clause: 'Blue Book 4.7.4 (Modem configuration comm_speed: 0..9)',
  hooks: alterAttribute(27, 2, () => ({ type: 'enum', value: 10 })),
};
