/**
 * Data as people read it in traces and failure messages, on one line:
 * `structure{ long-unsigned 8, octet-string 0000010000FF (0-0:1.0.0.255) }`; and as JSON that
 * survives `JSON.stringify` (bigint as a decimal string, bytes as hex, unspecified fields null).
 */
import { toHex } from '../bytes';
import type { CosemDate, CosemDateTime, CosemTime, Data } from './data';
import { DATE_TIME_LENGTH, dateTimeFromOctetString, formatDate, formatDateTime, formatTime, validateDateTime } from './datetime';
import { formatTypeDescription } from './type-description';

export interface FormatOptions {
  /** Items shown per array/structure before `… N more`; default 64. */
  readonly maxItems?: number;
}

const OBIS_LENGTH = 6;

/** `A-B:C.D.E.F`: dlms/cosem owns OBIS, but axdr may not import it, so this one line is repeated. */
function obisText(b: Uint8Array): string {
  return `${b[0]}-${b[1]}:${b[2]}.${b[3]}.${b[4]}.${b[5]}`;
}

function isPrintable(b: Uint8Array): boolean {
  return b.length > 0 && b.every((c) => c >= 0x20 && c < 0x7f);
}

/** Readable guesses appended to an octet-string's hex: OBIS for 6 bytes, a date-time for 12, text when printable. */
function octetHint(b: Uint8Array): string {
  if (isPrintable(b)) return ` (${JSON.stringify(String.fromCharCode(...b))})`;
  if (b.length === OBIS_LENGTH) return ` (${obisText(b)})`;
  if (b.length === DATE_TIME_LENGTH) {
    const dt = dateTimeFromOctetString(b);
    if (validateDateTime(dt).length === 0) return ` (${formatDateTime(dt)})`;
  }
  return '';
}

function bits(length: number, bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ((bytes[i >> 3] ?? 0) >> (7 - (i & 7))) & 1 ? '1' : '0';
  return s;
}

function list(items: readonly Data[], max: number): string {
  if (items.length === 0) return '{}';
  const shown = items.slice(0, max).map((d) => format(d, max));
  if (items.length > max) shown.push(`… ${items.length - max} more`);
  return `{ ${shown.join(', ')} }`;
}

function format(d: Data, max: number): string {
  switch (d.type) {
    case 'null-data':
    case 'dont-care':
      return d.type;
    case 'array':
    case 'structure':
      return `${d.type}${list(d.items, max)}`;
    case 'compact-array':
      return `compact-array<${formatTypeDescription(d.description)}>${list(d.items, max)}`;
    case 'boolean':
      return `boolean ${d.value}`;
    case 'bit-string':
      return `bit-string(${d.length}) ${bits(d.length, d.bytes)}`;
    case 'octet-string':
      return `octet-string ${d.value.length ? toHex(d.value) : '(empty)'}${octetHint(d.value)}`;
    case 'visible-string':
    case 'utf8-string':
      return `${d.type} ${JSON.stringify(d.value)}`;
    case 'bcd':
      return `bcd 0x${d.value.toString(16).padStart(2, '0').toUpperCase()}`;
    case 'long64':
    case 'long64-unsigned':
      return `${d.type} ${d.value.toString()}`;
    case 'date-time':
      return `date-time ${formatDateTime(d.value)}`;
    case 'date':
      return `date ${formatDate(d.value)}`;
    case 'time':
      return `time ${formatTime(d.value)}`;
    case 'double-long':
    case 'double-long-unsigned':
    case 'integer':
    case 'long':
    case 'unsigned':
    case 'long-unsigned':
    case 'enum':
    case 'float32':
    case 'float64':
    case 'delta-integer':
    case 'delta-long':
    case 'delta-double-long':
    case 'delta-unsigned':
    case 'delta-long-unsigned':
    case 'delta-double-long-unsigned':
      return `${d.type} ${Object.is(d.value, -0) ? '-0' : String(d.value)}`;
    default: {
      const never: never = d;
      return String(never);
    }
  }
}

/** One readable line for a Data value. */
export function formatData(data: Data, options: FormatOptions = {}): string {
  return format(data, options.maxItems ?? 64);
}

export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

const dateJson = (d: CosemDate): Json => ({ year: d.year ?? null, month: d.month ?? null, dayOfMonth: d.dayOfMonth ?? null, dayOfWeek: d.dayOfWeek ?? null });
const timeJson = (t: CosemTime): Json => ({ hour: t.hour ?? null, minute: t.minute ?? null, second: t.second ?? null, hundredths: t.hundredths ?? null });
const dateTimeJson = (dt: CosemDateTime): Json => ({
  date: dateJson(dt.date),
  time: timeJson(dt.time),
  deviation: dt.deviation ?? null,
  clockStatus: dt.clockStatus ?? null,
});

/** Non-finite floats have no JSON number: they become 'NaN', 'Infinity', '-Infinity'; -0 becomes 0 as JSON would. */
function num(v: number): Json {
  if (Object.is(v, -0)) return 0;
  return Number.isFinite(v) ? v : String(v);
}

/** A JSON-safe mirror of a Data value: `{ type, value }`, `{ type, items }`, bytes as upper-case hex. */
export function dataToJson(d: Data): Json {
  switch (d.type) {
    case 'null-data':
    case 'dont-care':
      return { type: d.type };
    case 'array':
    case 'structure':
      return { type: d.type, items: d.items.map(dataToJson) };
    case 'compact-array':
      return { type: d.type, description: formatTypeDescription(d.description), items: d.items.map(dataToJson) };
    case 'bit-string':
      return { type: d.type, length: d.length, value: toHex(d.bytes) };
    case 'octet-string':
      return { type: d.type, value: toHex(d.value) };
    case 'long64':
    case 'long64-unsigned':
      return { type: d.type, value: d.value.toString() };
    case 'date-time':
      return { type: d.type, value: dateTimeJson(d.value) };
    case 'date':
      return { type: d.type, value: dateJson(d.value) };
    case 'time':
      return { type: d.type, value: timeJson(d.value) };
    case 'boolean':
    case 'visible-string':
    case 'utf8-string':
      return { type: d.type, value: d.value };
    default:
      return { type: d.type, value: num(d.value) };
  }
}
