import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const disconnectControlModeOutOfRange: Fault = {
  name: 'disconnect-control-mode-out-of-range',
  description: 'Disconnect control control_mode (class 70 attribute 4) reads 7, a mode the Blue Book does not define.',
  clause: 'Blue Book 4.5.8 (Disconnect control control_mode: 0..6)',
  hooks: alterAttribute(70, 4, () => ({ type: 'enum', value: 7 })),
};
