import type { Fault } from './types';

/** Byte 5 of a date-time octet-string is the hour (Blue Book 4.1.6.1). */
const HOUR_OFFSET = 5;
const NO_SUCH_HOUR = 24;

export const extendedRegisterCaptureTimeInvalid: Fault = {
  name: 'extended-register-capture-time-invalid',
  description: 'Extended register capture_time (class 4 attribute 5) is a date-time with hour 24.',
  clause: 'Blue Book 4.3.3 (Extended register capture_time) and 4.1.6.1 (date-time fields)',
  hooks: {
    onGet: (address, result) => {
      if (address.classId !== 4 || address.attribute !== 5 || result.kind !== 'data' || result.data.type !== 'octet-string' || result.data.value.length !== 12)
        return result;
      const value = result.data.value.slice();
      value[HOUR_OFFSET] = NO_SUCH_HOUR;
      return { kind: 'data', data: { type: 'octet-string', value } };
    },
  },
};
