import type { Fault } from './types';

/** IEC HDLC setup reporting a transmit window HDLC cannot have. */
export const hdlcSetupWindowOutOfRange: Fault = {
  name: 'hdlc-setup-window-out-of-range',
  description: 'IEC HDLC setup window_size_transmit (class 23 attribute 3) reads 8, outside 1..7.',
  clause: 'Blue Book 4.7.2 (IEC HDLC setup) and Green Book 8.4.5.3.2 (window size 1..7)',
  hooks: {
    onGet: (address, result) =>
      address.classId === 23 && address.attribute === 3 && result.kind === 'data' ? { kind: 'data', data: { type: 'unsigned', value: 8 } } : result,
  },
};
