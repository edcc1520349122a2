import type { Fault } from './types';

/** Byte 2 of a date-time octet-string is the month (Blue Book 4.1.6.1). */
const MONTH_OFFSET = 2;
const NO_SUCH_MONTH = 13;

/** The Clock time with a month that does not exist. */
export const clockInvalidDateTime: Fault = {
  name: 'clock-invalid-date-time',
  description: 'Clock time (class 8 attribute 2) is a date-time with month 13.',
  clause: 'Blue Book 4.5.1 (Clock time) and 4.1.6.1 (date-time fields)',
  hooks: {
    onGet: (address, result) => {
      if (address.classId !== 8 || address.attribute !== 2 || result.kind !== 'data' || result.data.type !== 'octet-string' || result.data.value.length !== 12)
        return result;
      const value = result.data.value.slice();
      value[MONTH_OFFSET] = NO_SUCH_MONTH;
      return { kind: 'data', data: { type: 'octet-string', value } };
    },
  },
};
