/**
 * A value of a catalogue type for an attribute the meter definition leaves unset: the smallest
 * value the type allows (the first of its ranges), an empty array, the first alternative of a
 * choice. Date-times are "not specified" in every field (Blue Book 4.1.6.1), which is valid.
 */
import type { CosemDate, CosemTime, Data } from '../../axdr/data';
import type { TypeSpec } from './type-spec';

/** Blue Book 4.1.6.1: year 0xFFFF, month, day, weekday, hour, minute, second, hundredths 0xFF, deviation 0x8000, status 0xFF. */
const DATE_TIME_NOT_SPECIFIED = Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x80, 0x00, 0xff]);
const DATE_NOT_SPECIFIED = Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff]);
const TIME_NOT_SPECIFIED = Uint8Array.from([0xff, 0xff, 0xff, 0xff]);
/** An OBIS code that names no object: a dummy reference (Blue Book 4.1.8.1 leaves 0-0:0.0.0.0 unused). */
const NO_OBJECT = new Uint8Array(6);
const NO_DATE: CosemDate = { year: undefined, month: undefined, dayOfMonth: undefined, dayOfWeek: undefined };
const NO_TIME: CosemTime = { hour: undefined, minute: undefined, second: undefined, hundredths: undefined };

export function defaultValue(spec: TypeSpec): Data {
  switch (spec.kind) {
    case 'any':
      return { type: 'null-data' };
    case 'simple-any':
      return { type: 'long-unsigned', value: 0 };
    case 'structure':
      return { type: 'structure', items: spec.fields.map((f) => defaultValue(f.spec)) };
    case 'array':
      return { type: 'array', items: [] };
    case 'choice':
      return defaultValue(spec.options[0]!);
    case 'simple': {
      const min = spec.values?.[0]?.[0] ?? 0;
      switch (spec.type) {
        case 'octet-string':
          if (spec.hint === 'date-time') return { type: 'octet-string', value: DATE_TIME_NOT_SPECIFIED.slice() };
          if (spec.hint === 'date') return { type: 'octet-string', value: DATE_NOT_SPECIFIED.slice() };
          if (spec.hint === 'time') return { type: 'octet-string', value: TIME_NOT_SPECIFIED.slice() };
          if (spec.hint === 'obis') return { type: 'octet-string', value: NO_OBJECT.slice() };
          return { type: 'octet-string', value: new Uint8Array(spec.length ?? 0) };
        case 'visible-string':
        case 'utf8-string':
          return { type: spec.type, value: '' };
        case 'bit-string':
          return { type: 'bit-string', length: spec.length ?? 0, bytes: new Uint8Array(Math.ceil((spec.length ?? 0) / 8)) };
        case 'boolean':
          return { type: 'boolean', value: false };
        case 'long64':
        case 'long64-unsigned':
          return { type: spec.type, value: BigInt(min) };
        case 'null-data':
        case 'dont-care':
          return { type: spec.type };
        case 'date-time':
          return { type: 'date-time', value: { date: NO_DATE, time: NO_TIME, deviation: undefined, clockStatus: undefined } };
        case 'date':
          return { type: 'date', value: NO_DATE };
        case 'time':
          return { type: 'time', value: NO_TIME };
        default:
          return { type: spec.type, value: min };
      }
    }
    default: {
      const never: never = spec;
      return never;
    }
  }
}
