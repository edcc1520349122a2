import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const localPortBaudOutOfRange: Fault = {
  name: 'local-port-baud-out-of-range',
  description: 'IEC local port setup default_baud (class 19 attribute 3) reads 10, a baud rate the Blue Book does not define.',
  clause: 'Blue Book 4.7.1 (IEC local port setup default_baud: 0..9)',
  hooks: alterAttribute(19, 3, () => ({ type: 'enum', value: 10 })),
};
