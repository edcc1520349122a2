import { bytesEqual } from '../../dlms/bytes';
import type { Fault } from './types';

/** Blue Book 6.2.13 / Green Book 4.1.8.2: the COSEM logical device name object. */
const LOGICAL_DEVICE_NAME = Uint8Array.of(0, 0, 42, 0, 0, 255);
/** Too short, and agrees neither with the meter definition nor with the SAP assignment list. */
const WRONG_NAME = new TextEncoder().encode('WRONGNAME');

/** Serves a logical device name that is not the device's. */
export const logicalDeviceNameWrong: Fault = {
  name: 'logical-device-name-wrong',
  description: 'The logical device name object 0-0:42.0.0.255 returns "WRONGNAME": 9 octets, not the configured name, not the one in the SAP assignment.',
  clause: 'Green Book 4.1.8.2 (COSEM logical device name), Blue Book 4.4.9 (SAP assignment)',
  hooks: {
    onGet: (address, result) =>
      address.classId === 1 && address.attribute === 2 && bytesEqual(address.logicalName, LOGICAL_DEVICE_NAME) && result.kind === 'data'
        ? { kind: 'data', data: { type: 'octet-string', value: WRONG_NAME } }
        : result,
  },
};
