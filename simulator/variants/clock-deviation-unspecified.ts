import type { Variant } from './types';

const CLOCK = 8;
const TIME = 2;
/** Blue Book 4.1.6.1 date-time: day of week at octet 4; deviation at octets 9..10 (0x8000 = not specified). */
const DAY_OF_WEEK = 4;
const DEVIATION = 9;
const NOT_SPECIFIED = 0xff;

export const clockDeviationUnspecified: Variant = {
  name: 'clock-deviation-unspecified',
  description: 'Clock time carries day of week 0xFF and deviation 0x8000 (both not specified), as meters keeping local time without zone do.',
  clause: 'Blue Book 4.1.6.1 (date-time: day of week 0xFF and deviation 0x8000 mean not specified)',
  hooks: {
    onGet: (address, r) => {
      if (address.classId !== CLOCK || address.attribute !== TIME || r.kind !== 'data' || r.data.type !== 'octet-string' || r.data.value.length !== 12)
        return r;
      const v = r.data.value.slice();
      v[DAY_OF_WEEK] = NOT_SPECIFIED;
      v[DEVIATION] = 0x80;
      v[DEVIATION + 1] = 0x00;
      return { kind: 'data', data: { type: 'octet-string', value: v } };
    },
  },
  // Clock time is read by GET in the class suites and with-list; profile captures read the clock object directly.
  affects: ['classes/*', 'services/with-list'],
};
