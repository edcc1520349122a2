/**
 * Clock (class 8, Blue Book 4.5.1): the time is a complete, valid date-time (a clock reading
 * leaves no field unspecified but the deviation, and uses no "last day of month" pattern);
 * time_zone, the daylight-saving deviation and clock_base are in range; no reserved status bit
 * (Blue Book 4.1.6.1) is set; the daylight-saving begin and end are valid date-time patterns.
 */
import type { Data } from '../../../dlms/axdr/data';
import { clockStatusNames, dateTimeFromOctetString, formatDateTime, NOT_SPECIFIED_DEVIATION } from '../../../dlms/axdr/datetime';
import { dateTimeProblems } from './date-time';
import { type ClassSemantics, numberOf, type Problem, range } from './types';

/** Blue Book 4.1.6.1: bits 4..6 of the clock status are reserved. */
const RESERVED_STATUS_BITS = 0x70;
/** Blue Book 4.5.1 clock_base: 0 not defined … 5 radio controlled. */
const CLOCK_BASE_MAX = 5;

function timeProblems(d: Data | undefined): Problem[] {
  const problems = dateTimeProblems(d, 2, 'time');
  if (problems.length || d?.type !== 'octet-string' || d.value.length !== 12) return problems;
  const dt = dateTimeFromOctetString(d.value);
  const { year, month, dayOfMonth } = dt.date;
  const { hour, minute, second } = dt.time;
  const complete = [year, month, dayOfMonth, hour, minute, second].every((v) => v !== undefined) && month! <= 12 && dayOfMonth! <= 31;
  return complete
    ? []
    : [{ attribute: 2, expected: 'time a complete date-time: year, month 1..12, day 1..31, hour, minute and second specified', actual: formatDateTime(dt) }];
}

function statusProblems(values: ReadonlyMap<number, Data>): Problem[] {
  const status = numberOf(values.get(4));
  if (status === undefined || (status & RESERVED_STATUS_BITS) === 0) return [];
  return [{ attribute: 4, expected: 'status without reserved bits 4..6', actual: `0x${status.toString(16)} [${clockStatusNames(status).join(', ')}]` }];
}

function timeZoneProblems(values: ReadonlyMap<number, Data>): Problem[] {
  const tz = numberOf(values.get(3));
  // Blue Book 4.5.1: minutes, -720..720; 0x8000 = not specified.
  if (tz === undefined || tz === NOT_SPECIFIED_DEVIATION || (tz >= -720 && tz <= 720)) return [];
  return [{ attribute: 3, expected: 'time_zone in -720..720 minutes (or 0x8000, not specified)', actual: String(tz) }];
}

export const CLOCK_SEMANTICS: ClassSemantics = {
  classId: 8,
  clause: '4.5.1',
  check: ({ values }) => [
    ...timeProblems(values.get(2)),
    ...timeZoneProblems(values),
    ...statusProblems(values),
    ...dateTimeProblems(values.get(5), 5, 'daylight_savings_begin'),
    ...dateTimeProblems(values.get(6), 6, 'daylight_savings_end'),
    ...range(values, 7, 'daylight_savings_deviation (minutes)', -120, 120),
    ...range(values, 9, 'clock_base', 0, CLOCK_BASE_MAX),
  ],
};
