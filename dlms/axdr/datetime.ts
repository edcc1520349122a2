/**
 * COSEM date, time and date-time (Blue Book 4.1.6.1): their fixed-length byte layouts, the
 * "not specified" values, the clock status bits, and conversion to and from a JS Date.
 *
 * The codec is a bijection on bytes: 0xFF / 0xFFFF / 0x8000 become `undefined` and every other
 * byte is kept as the number it is, even where the Blue Book gives it no meaning (a month of 13),
 * so a DUT's bytes re-encode exactly and `validateDateTime` can say precisely what is wrong.
 */
import { ByteReader, ByteWriter, DecodeError } from '../bytes';
import type { CosemDate, CosemDateTime, CosemTime } from './data';
import { EncodeError } from './encode-error';

/** Blue Book 4.1.6.1: encoded sizes of date, time and date-time. */
export const DATE_LENGTH = 5;
export const TIME_LENGTH = 4;
export const DATE_TIME_LENGTH = 12;

/** Blue Book 4.1.6.1 "not specified" markers. */
export const NOT_SPECIFIED_BYTE = 0xff;
export const NOT_SPECIFIED_YEAR = 0xffff;
export const NOT_SPECIFIED_DEVIATION = -0x8000; // 0x8000 read as a long

/** Blue Book 4.1.6.1 special month values. */
export const MONTH_DAYLIGHT_SAVINGS_END = 0xfd;
export const MONTH_DAYLIGHT_SAVINGS_BEGIN = 0xfe;
/** Blue Book 4.1.6.1 special day-of-month values. */
export const DAY_SECOND_LAST_OF_MONTH = 0xfd;
export const DAY_LAST_OF_MONTH = 0xfe;

/** Blue Book 4.1.6.1 clock status bits; bits 4..6 are reserved. */
export const CLOCK_STATUS_BITS = {
  'invalid-value': 0x01,
  'doubtful-value': 0x02,
  'different-clock-base': 0x04,
  'invalid-clock-status': 0x08,
  'daylight-saving-active': 0x80,
} as const;
export type ClockStatusBit = keyof typeof CLOCK_STATUS_BITS;

const RESERVED_STATUS_MASK = 0x70;

/** Names of the bits set in a clock status byte; reserved bits appear as `reserved-bit-N`. */
export function clockStatusNames(status: number): string[] {
  const names: string[] = [];
  for (const [name, bit] of Object.entries(CLOCK_STATUS_BITS)) if (status & bit) names.push(name);
  for (let bit = 4; bit <= 6; bit++) if (status & (1 << bit)) names.push(`reserved-bit-${bit}`);
  return names;
}

function byteOrUndefined(v: number): number | undefined {
  return v === NOT_SPECIFIED_BYTE ? undefined : v;
}

function fieldByte(w: ByteWriter, v: number | undefined, path: string): void {
  if (v === undefined) {
    w.u8(NOT_SPECIFIED_BYTE);
    return;
  }
  // 0xFF is the "not specified" marker: a number 255 would decode back as undefined.
  if (!Number.isInteger(v) || v < 0 || v > 0xfe) throw new EncodeError('AXDR_VALUE_OUT_OF_RANGE', path, 'an integer 0..254 or undefined', String(v));
  w.u8(v);
}

export function decodeDate(r: ByteReader): CosemDate {
  const year = r.u16('date year');
  return {
    year: year === NOT_SPECIFIED_YEAR ? undefined : year,
    month: byteOrUndefined(r.u8('date month')),
    dayOfMonth: byteOrUndefined(r.u8('date day-of-month')),
    dayOfWeek: byteOrUndefined(r.u8('date day-of-week')),
  };
}

export function encodeDate(w: ByteWriter, d: CosemDate, path = 'date'): void {
  if (d.year === undefined) w.u16(NOT_SPECIFIED_YEAR);
  else if (!Number.isInteger(d.year) || d.year < 0 || d.year > 0xfffe)
    throw new EncodeError('AXDR_VALUE_OUT_OF_RANGE', `${path}.year`, 'an integer 0..65534 or undefined', String(d.year));
  else w.u16(d.year);
  fieldByte(w, d.month, `${path}.month`);
  fieldByte(w, d.dayOfMonth, `${path}.dayOfMonth`);
  fieldByte(w, d.dayOfWeek, `${path}.dayOfWeek`);
}

export function decodeTime(r: ByteReader): CosemTime {
  return {
    hour: byteOrUndefined(r.u8('time hour')),
    minute: byteOrUndefined(r.u8('time minute')),
    second: byteOrUndefined(r.u8('time second')),
    hundredths: byteOrUndefined(r.u8('time hundredths')),
  };
}

export function encodeTime(w: ByteWriter, t: CosemTime, path = 'time'): void {
  fieldByte(w, t.hour, `${path}.hour`);
  fieldByte(w, t.minute, `${path}.minute`);
  fieldByte(w, t.second, `${path}.second`);
  fieldByte(w, t.hundredths, `${path}.hundredths`);
}

export function decodeDateTime(r: ByteReader): CosemDateTime {
  const date = decodeDate(r);
  const time = decodeTime(r);
  const deviation = r.i16('date-time deviation');
  const clockStatus = r.u8('date-time clock status');
  return {
    date,
    time,
    deviation: deviation === NOT_SPECIFIED_DEVIATION ? undefined : deviation,
    clockStatus: byteOrUndefined(clockStatus),
  };
}

export function encodeDateTime(w: ByteWriter, dt: CosemDateTime, path = 'date-time'): void {
  encodeDate(w, dt.date, `${path}.date`);
  encodeTime(w, dt.time, `${path}.time`);
  if (dt.deviation === undefined) w.i16(NOT_SPECIFIED_DEVIATION);
  else if (!Number.isInteger(dt.deviation) || dt.deviation < -0x7fff || dt.deviation > 0x7fff) {
    throw new EncodeError('AXDR_VALUE_OUT_OF_RANGE', `${path}.deviation`, 'an integer -32767..32767 or undefined', String(dt.deviation));
  } else w.i16(dt.deviation);
  fieldByte(w, dt.clockStatus, `${path}.clockStatus`);
}

function fromOctets<T>(bytes: Uint8Array, length: number, what: string, decode: (r: ByteReader) => T, base: number): T {
  if (bytes.length !== length) {
    throw new DecodeError('AXDR_BAD_DATE_TIME_LENGTH', base, `an octet-string of ${length} bytes holding a ${what}`, `${bytes.length} byte(s)`);
  }
  return decode(new ByteReader(bytes, base));
}

/**
 * COSEM attributes (Clock time, capture_time, …) carry date-time as octet-string(12), not as the
 * date-time Data type: this reads one. `base` is the offset of the octet-string's contents in the
 * enclosing frame, for located errors.
 */
export function dateTimeFromOctetString(bytes: Uint8Array, base = 0): CosemDateTime {
  return fromOctets(bytes, DATE_TIME_LENGTH, 'date-time', decodeDateTime, base);
}

export function dateFromOctetString(bytes: Uint8Array, base = 0): CosemDate {
  return fromOctets(bytes, DATE_LENGTH, 'date', decodeDate, base);
}

export function timeFromOctetString(bytes: Uint8Array, base = 0): CosemTime {
  return fromOctets(bytes, TIME_LENGTH, 'time', decodeTime, base);
}

export function dateTimeToOctetString(dt: CosemDateTime): Uint8Array {
  const w = new ByteWriter();
  encodeDateTime(w, dt);
  return w.finish();
}

export function dateToOctetString(d: CosemDate): Uint8Array {
  const w = new ByteWriter();
  encodeDate(w, d);
  return w.finish();
}

export function timeToOctetString(t: CosemTime): Uint8Array {
  const w = new ByteWriter();
  encodeTime(w, t);
  return w.finish();
}

/**
 * What is outside Blue Book 4.1.6.1's ranges, one sentence per problem (empty when valid). A
 * harness check, not a decode failure: the bytes decoded, the values are wrong.
 */
export function validateDateTime(dt: CosemDateTime): string[] {
  const problems = [...validateDate(dt.date), ...validateTime(dt.time)];
  if (dt.deviation !== undefined && (dt.deviation < -720 || dt.deviation > 720)) problems.push(`deviation ${dt.deviation} is outside -720..720`);
  if (dt.clockStatus !== undefined && dt.clockStatus & RESERVED_STATUS_MASK) problems.push(`clock status 0x${dt.clockStatus.toString(16)} sets reserved bits`);
  return problems;
}

export function validateDate(d: CosemDate): string[] {
  const problems: string[] = [];
  const special = (v: number) => v === 0xfd || v === 0xfe;
  if (d.month !== undefined && !(d.month >= 1 && d.month <= 12) && !special(d.month)) problems.push(`month ${d.month} is outside 1..12, 0xFD, 0xFE`);
  if (d.dayOfMonth !== undefined && !(d.dayOfMonth >= 1 && d.dayOfMonth <= 31) && !special(d.dayOfMonth)) {
    problems.push(`day of month ${d.dayOfMonth} is outside 1..31, 0xFD, 0xFE`);
  }
  if (d.dayOfWeek !== undefined && !(d.dayOfWeek >= 1 && d.dayOfWeek <= 7)) problems.push(`day of week ${d.dayOfWeek} is outside 1..7`);
  return problems;
}

export function validateTime(t: CosemTime): string[] {
  const problems: string[] = [];
  const check = (v: number | undefined, max: number, name: string) => {
    if (v !== undefined && v > max) problems.push(`${name} ${v} is outside 0..${max}`);
  };
  check(t.hour, 23, 'hour');
  check(t.minute, 59, 'minute');
  check(t.second, 59, 'second');
  check(t.hundredths, 99, 'hundredths');
  return problems;
}

/**
 * Which way the deviation points. The Blue Book (4.1.6.1, and the Clock time_zone attribute)
 * defines it as minutes from local time to UTC, so UTC = local + deviation (CET is -60). Some
 * meters use the opposite sign; a profile can say so.
 */
export type DeviationConvention = 'local-to-utc' | 'utc-to-local';

export interface DateConversionOptions {
  /** Overrides the date-time's own deviation (needed when that is not specified). */
  readonly deviation?: number;
  readonly convention?: DeviationConvention;
}

/**
 * The instant a fully specified date-time denotes, or undefined when a field it needs is not
 * specified, is a special value (last day of month, …), or out of range.
 */
export function dateTimeToDate(dt: CosemDateTime, options: DateConversionOptions = {}): Date | undefined {
  const { year, month, dayOfMonth } = dt.date;
  const { hour, minute, second } = dt.time;
  const deviation = options.deviation ?? dt.deviation;
  if (year === undefined || month === undefined || dayOfMonth === undefined) return undefined;
  if (hour === undefined || minute === undefined || second === undefined || deviation === undefined) return undefined;
  if (validateDate(dt.date).length > 0 || validateTime(dt.time).length > 0 || month > 12 || dayOfMonth > 31) return undefined;
  const local = Date.UTC(year, month - 1, dayOfMonth, hour, minute, second, (dt.time.hundredths ?? 0) * 10);
  const sign = (options.convention ?? 'local-to-utc') === 'local-to-utc' ? 1 : -1;
  return new Date(local + sign * deviation * 60_000);
}

/** A fully specified date-time for an instant, expressed in the local time that `deviation` describes. */
export function dateTimeFromDate(instant: Date, deviation: number, options: { clockStatus?: number; convention?: DeviationConvention } = {}): CosemDateTime {
  const sign = (options.convention ?? 'local-to-utc') === 'local-to-utc' ? 1 : -1;
  const local = new Date(instant.getTime() - sign * deviation * 60_000);
  return {
    date: {
      year: local.getUTCFullYear(),
      month: local.getUTCMonth() + 1,
      dayOfMonth: local.getUTCDate(),
      dayOfWeek: ((local.getUTCDay() + 6) % 7) + 1, // Blue Book: Monday = 1; JS: Sunday = 0
    },
    time: {
      hour: local.getUTCHours(),
      minute: local.getUTCMinutes(),
      second: local.getUTCSeconds(),
      hundredths: Math.floor(local.getUTCMilliseconds() / 10),
    },
    deviation,
    clockStatus: options.clockStatus ?? 0,
  };
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function pad(v: number | undefined, width: number): string {
  return v === undefined ? '*'.repeat(width) : String(v).padStart(width, '0');
}

/** `2026-11-24 (Tue)`; not-specified fields as `*`, special values by name. */
export function formatDate(d: CosemDate): string {
  const month = d.month === MONTH_DAYLIGHT_SAVINGS_END ? 'DST-end' : d.month === MONTH_DAYLIGHT_SAVINGS_BEGIN ? 'DST-begin' : pad(d.month, 2);
  const day = d.dayOfMonth === DAY_SECOND_LAST_OF_MONTH ? 'second-last' : d.dayOfMonth === DAY_LAST_OF_MONTH ? 'last' : pad(d.dayOfMonth, 2);
  const weekday = d.dayOfWeek === undefined ? '*' : (WEEKDAYS[d.dayOfWeek - 1] ?? `day-of-week ${d.dayOfWeek}`);
  return `${pad(d.year, 4)}-${month}-${day} (${weekday})`;
}

/** `18:10:26.00`; not-specified fields as `*`. */
export function formatTime(t: CosemTime): string {
  return `${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}.${pad(t.hundredths, 2)}`;
}

/** `2026-11-24 (Tue) 18:10:26.00 deviation -60 status 0x80 [daylight-saving-active]`. */
export function formatDateTime(dt: CosemDateTime): string {
  const deviation = dt.deviation === undefined ? 'deviation *' : `deviation ${dt.deviation}`;
  let status = 'status *';
  if (dt.clockStatus !== undefined) {
    const names = clockStatusNames(dt.clockStatus);
    status = `status 0x${dt.clockStatus.toString(16).padStart(2, '0').toUpperCase()}${names.length ? ` [${names.join(', ')}]` : ''}`;
  }
  return `${formatDate(dt.date)} ${formatTime(dt.time)} ${deviation} ${status}`;
}
