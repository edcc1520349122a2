/**
 * Clock, class 8 version 0 (Blue Book 4.5.1). Time comes from the simulator's `now()` (passed in
 * the ServeContext), expressed in local time by `timeZone` (minutes, the Blue Book convention:
 * UTC = local + deviation, so CET is -60). Daylight saving is reported as configured but not
 * applied: the simulator keeps normal time all year, so `enabled` is always false.
 *
 * The clock lives (issue 10 item 8): a SET of time moves it (an offset from the simulator's
 * time), time_zone and the daylight-saving attributes can be written, and the methods
 * adjust_to_quarter, adjust_to_measuring_period, adjust_to_minute and shift_time move the time
 * as Blue Book 4.5.1 says. The other objects keep the simulator's time: only this clock moves.
 */
import type { Data } from '../../dlms/axdr/data';
import {
  dateTimeFromDate,
  dateTimeFromOctetString,
  dateTimeToDate,
  dateTimeToOctetString,
  DAY_LAST_OF_MONTH,
  NOT_SPECIFIED_DEVIATION,
} from '../../dlms/axdr/datetime';
import type { CosemDateTime } from '../../dlms/axdr/data';
import type { Cursor } from '../../config/yaml-cursor';
import { CLOCK } from '../../dlms/cosem/catalogue/clock';
import { attributesOf } from './from-catalogue';
import { isIntegerZero } from './method-parameter';
import { methodRefused, ok, refused, writeRefused, written, type ClassBehaviour, type MethodResult } from './types';

/** Blue Book 4.5.1 clock_base: 1 = internal crystal. */
const CLOCK_BASE_INTERNAL_CRYSTAL = 1;
const SUNDAY = 7;
const MINUTE_MS = 60_000;
const QUARTER_MS = 15 * MINUTE_MS;
/** Blue Book 4.5.1 methods. */
const ADJUST_TO_QUARTER = 1;
const ADJUST_TO_MEASURING_PERIOD = 2;
const ADJUST_TO_MINUTE = 3;
const SHIFT_TIME = 6;
/** Blue Book 4.5.1 shift_time: -900..900 seconds. */
const SHIFT_LIMIT_S = 900;
/** The measuring period adjust_to_measuring_period rounds to (the default meter's load profile: 15 min). */
const MEASURING_PERIOD_MS = QUARTER_MS;

/** `t` rounded to the nearest multiple of `step` (Blue Book 4.5.1: "to the nearest (+/-) quarter"). */
function nearest(t: number, step: number): number {
  return Math.round(t / step) * step;
}

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
    const timeZone0 = entry.get('timeZone').present ? entry.get('timeZone').int(-720, 720) : 0;
    const dstDeviation = entry.get('daylightSavingsDeviation').present ? entry.get('daylightSavingsDeviation').int(-120, 120) : 60;
    // Blue Book 4.5.1: the common EU rule, last Sunday of March 02:00 to last Sunday of October 03:00.
    let timeZone = timeZone0;
    const status = 0; // Blue Book 4.1.6.1: no status bit set, the time is valid
    /** How far this clock is from the simulator's time (a SET of time, shift_time, an adjustment). */
    let offsetMs = 0;
    // Written as read: daylight_savings_begin, _end, _deviation, _enabled.
    const stored = new Map<number, Data>([
      [5, { type: 'octet-string', value: lastSundayOf(3, 2) }],
      [6, { type: 'octet-string', value: lastSundayOf(10, 3) }],
      [7, { type: 'integer', value: dstDeviation }],
      [8, { type: 'boolean', value: false }],
    ]);
    const attributes: Readonly<Record<number, (now: number) => Data>> = {
      2: (now) => ({ type: 'octet-string', value: dateTimeToOctetString(dateTimeFromDate(new Date(now + offsetMs), timeZone, { clockStatus: status })) }),
      3: () => ({ type: 'long', value: timeZone }),
      4: () => ({ type: 'unsigned', value: status }),
      9: () => ({ type: 'enum', value: CLOCK_BASE_INTERNAL_CRYSTAL }),
    };
    const moveTo = (now: number, to: number): MethodResult => {
      offsetMs = to - now;
      return { kind: 'success' };
    };
    return {
      read(attribute, ctx) {
        const get = attributes[attribute];
        const v = stored.get(attribute);
        return get ? ok(get(ctx.now)) : v ? ok(v) : refused('object-undefined');
      },
      write(attribute, value, ctx) {
        if (attribute === 2) {
          if (value.type !== 'octet-string' || value.value.length !== 12) return writeRefused('type-unmatched');
          const dt = dateTimeFromOctetString(value.value);
          const at = dateTimeToDate(dt, dt.deviation === undefined ? { deviation: timeZone } : {});
          if (!at) return writeRefused('other-reason');
          offsetMs = at.getTime() - ctx.now;
          return written;
        }
        if (attribute === 3) {
          if (value.type !== 'long') return writeRefused('type-unmatched');
          if (value.value !== NOT_SPECIFIED_DEVIATION && (value.value < -720 || value.value > 720)) return writeRefused('other-reason');
          timeZone = value.value;
          return written;
        }
        const old = stored.get(attribute);
        if (!old) return writeRefused('read-write-denied');
        if (old.type !== value.type || (value.type === 'octet-string' && value.value.length !== 12)) return writeRefused('type-unmatched');
        stored.set(attribute, value);
        return written;
      },
      invoke(method, parameter, ctx) {
        const now = ctx.now + offsetMs;
        switch (method) {
          case ADJUST_TO_QUARTER:
            return isIntegerZero(parameter) ? moveTo(ctx.now, nearest(now, QUARTER_MS)) : methodRefused('type-unmatched');
          case ADJUST_TO_MEASURING_PERIOD:
            return isIntegerZero(parameter) ? moveTo(ctx.now, nearest(now, MEASURING_PERIOD_MS)) : methodRefused('type-unmatched');
          case ADJUST_TO_MINUTE:
            return isIntegerZero(parameter) ? moveTo(ctx.now, nearest(now, MINUTE_MS)) : methodRefused('type-unmatched');
          case SHIFT_TIME:
            if (parameter?.type !== 'long') return methodRefused('type-unmatched');
            if (Math.abs(parameter.value) > SHIFT_LIMIT_S) return methodRefused('other-reason');
            return moveTo(ctx.now, now + parameter.value * 1000);
          default:
            // adjust_to_preset_time and preset_adjusting_time: no preset is kept; refused, not faked.
            return methodRefused('object-unavailable');
        }
      },
    };
  },
};
