import type { Fault } from './types';

const CLOCK = 8;
const TIME = 2;
/** Blue Book 4.1.6.1 date-time: day of month at octet 3 (1..31, 0xFD, 0xFE, 0xFF; never 0). */
const DAY_OF_MONTH = 3;

export const clockDayZero: Fault = {
  name: 'clock-day-zero',
  description: 'Clock time (class 8 attribute 2) is a date-time with day of month 0, well typed (an octet-string of 12) but not a date.',
  clause: 'Blue Book 4.1.6.1 (date-time: day of month 1..31, 0xFD, 0xFE or 0xFF); real-meter.md sections 1 and 4',
  hooks: {
    onGet: (address, r) => {
      if (address.classId !== CLOCK || address.attribute !== TIME || r.kind !== 'data' || r.data.type !== 'octet-string' || r.data.value.length !== 12)
        return r;
      const v = r.data.value.slice();
      v[DAY_OF_MONTH] = 0;
      return { kind: 'data', data: { type: 'octet-string', value: v } };
    },
  },
};
