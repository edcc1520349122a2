/**
 * Clock, class 8 version 0 (Blue Book 4.5.1). Time comes from the simulator's `now()` (passed in
 * the ServeContext), expressed in local time by `timeZone` (minutes, the Blue Book convention:
 * UTC = local + deviation, so CET is -60). Daylight saving is reported as configured but not
 * applied: the simulator keeps normal time all year, so `enabled` is always false.
 */
import type { Data } from '../../dlms/axdr/data';
import { dateTimeFromDate, dateTimeToOctetString, DAY_LAST_OF_MONTH } from '../../dlms/axdr/datetime';
import type { CosemDateTime } from '../../dlms/axdr/data';
import type { Cursor } from '../../config/yaml-cursor';
import { CLOCK } from '../../dlms/cosem/catalogue/clock';
import { attributesOf } from './from-catalogue';
import { ok, refused, type ClassBehaviour } from './types';

/** Blue Book 4.5.1 clock_base: 1 = internal crystal. */
const CLOCK_BASE_INTERNAL_CRYSTAL = 1;
const SUNDAY = 7;

/** A recurring date-time "last Sunday of `month`, `hour`:00", deviation and status not specified. */
function lastSundayOf(month: number, hour: number): Uint8Array {
  const dt: CosemDateTime = {
    date: { year: undefined, month, dayOfMonth: DAY_LAST_OF_MONTH, dayOfWeek: SUNDAY },
    time: { hour, minute: 0, second: 0, hundredths: 0 },
    deviation: undefined,
    clockStatus: undefined,
  };
  return dateTimeToOctetString(dt);
}

export const clockClass: ClassBehaviour = {
  name: 'clock',
  classId: CLOCK.classId,
  version: CLOCK.version,
  attributes: attributesOf(CLOCK, { 4: 'read-only', 9: 'read-only' }),
  methodCount: CLOCK.methods.length,
  keys: ['timeZone', 'daylightSavingsDeviation'],
  build(entry: Cursor) {
    const timeZone = entry.get('timeZone').present ? entry.get('timeZone').int(-720, 720) : 0;
    const dstDeviation = entry.get('daylightSavingsDeviation').present ? entry.get('daylightSavingsDeviation').int(-120, 120) : 60;
    // Blue Book 4.5.1: the common EU rule, last Sunday of March 02:00 to last Sunday of October 03:00.
    const begin = lastSundayOf(3, 2);
    const end = lastSundayOf(10, 3);
    const status = 0; // Blue Book 4.1.6.1: no status bit set, the time is valid
    const attributes: Readonly<Record<number, (now: number) => Data>> = {
      2: (now) => ({ type: 'octet-string', value: dateTimeToOctetString(dateTimeFromDate(new Date(now), timeZone, { clockStatus: status })) }),
      3: () => ({ type: 'long', value: timeZone }),
      4: () => ({ type: 'unsigned', value: status }),
      5: () => ({ type: 'octet-string', value: begin }),
      6: () => ({ type: 'octet-string', value: end }),
      7: () => ({ type: 'integer', value: dstDeviation }),
      8: () => ({ type: 'boolean', value: false }),
      9: () => ({ type: 'enum', value: CLOCK_BASE_INTERNAL_CRYSTAL }),
    };
    return {
      read(attribute, ctx) {
        const get = attributes[attribute];
        return get ? ok(get(ctx.now)) : refused('object-undefined');
      },
    };
  },
};
