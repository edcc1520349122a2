import type { Variant } from './types';

const CLOCK = 8;
const TIME = 2;
/** Blue Book 4.1.6.1 date-time: clock status at octet 11; bit 7 = daylight saving active. */
const STATUS = 11;
const DAYLIGHT_SAVING_ACTIVE = 0x80;

export const clockStatusDst: Variant = {
  name: 'clock-status-dst',
  description: 'Clock time carries a clock status with daylight saving active (0x80), as meters in summer do.',
  clause: 'Blue Book 4.1.6.1 (clock status bit 7: daylight saving active)',
  hooks: {
    onGet: (address, r) => {
      if (address.classId !== CLOCK || address.attribute !== TIME || r.kind !== 'data' || r.data.type !== 'octet-string' || r.data.value.length !== 12)
        return r;
      const v = r.data.value.slice();
      v[STATUS] = ((v[STATUS] ?? 0) & 0x7f) | DAYLIGHT_SAVING_ACTIVE;
      return { kind: 'data', data: { type: 'octet-string', value: v } };
    },
  },
  // Clock time is read by GET in the class suites and with-list; profile captures read the clock object directly.
  affects: ['classes/*', 'services/with-list'],
};
