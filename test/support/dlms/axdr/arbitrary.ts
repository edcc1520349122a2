/**
 * fast-check arbitraries for the whole Data union, bounded in depth and width, for property
 * tests anywhere in the project (`fc.assert(fc.property(arbData(), …))`). Only tests import
 * this file: fast-check is a dev dependency.
 *
 * Every generated value encodes, and decodes back deep-equal: date fields avoid the byte 0xFF
 * (that is `undefined`), floats are float32-exact for float32, bit-strings carry zeroed padding.
 */
import fc from 'fast-check';
import type { CosemDate, CosemDateTime, CosemTime, Data, TypeDescription } from '../../../../dlms/axdr/data';
import { isSimpleType, minWidth, SIMPLE_MIN_WIDTH, type SimpleType } from '../../../../dlms/axdr/type-description';
import type { SimpleData } from '../../../../dlms/axdr/simple-value';

const SIMPLE_TYPES = Object.keys(SIMPLE_MIN_WIDTH) as SimpleType[];

const field = (max: number) => fc.option(fc.integer({ min: 0, max }), { nil: undefined, freq: 4 });

export function arbCosemDate(): fc.Arbitrary<CosemDate> {
  return fc.record({
    year: fc.option(fc.integer({ min: 0, max: 0xfffe }), { nil: undefined, freq: 4 }),
    month: field(0xfe),
    dayOfMonth: field(0xfe),
    dayOfWeek: field(0xfe),
  });
}

export function arbCosemTime(): fc.Arbitrary<CosemTime> {
  return fc.record({ hour: field(0xfe), minute: field(0xfe), second: field(0xfe), hundredths: field(0xfe) });
}

export function arbCosemDateTime(): fc.Arbitrary<CosemDateTime> {
  return fc.record({
    date: arbCosemDate(),
    time: arbCosemTime(),
    deviation: fc.option(fc.integer({ min: -0x7fff, max: 0x7fff }), { nil: undefined, freq: 4 }),
    clockStatus: field(0xfe),
  });
}

const bytes = (maxLength = 16) => fc.uint8Array({ maxLength });

function arbBitString(): fc.Arbitrary<SimpleData> {
  return fc.integer({ min: 0, max: 70 }).chain((length) =>
    fc.uint8Array({ minLength: Math.ceil(length / 8), maxLength: Math.ceil(length / 8) }).map((b) => {
      const out = b.slice();
      const spare = out.length * 8 - length;
      if (spare > 0) out[out.length - 1] = (out[out.length - 1] as number) & (0xff << spare) & 0xff; // padding bits are zero
      return { type: 'bit-string' as const, length, bytes: out };
    }),
  );
}

const int = (min: number, max: number) => fc.integer({ min, max });

/** One arbitrary per simple type. */
export function arbSimple(type: SimpleType): fc.Arbitrary<SimpleData> {
  switch (type) {
    case 'null-data':
    case 'dont-care':
      return fc.constant({ type });
    case 'boolean':
      return fc.boolean().map((value) => ({ type, value }));
    case 'bit-string':
      return arbBitString();
    case 'octet-string':
      return bytes().map((value) => ({ type, value }));
    case 'visible-string':
      return fc.string({ unit: fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 12 }).map((value) => ({ type, value }));
    case 'utf8-string':
      return fc.string({ unit: 'grapheme', maxLength: 8 }).map((value) => ({ type, value }));
    case 'integer':
    case 'delta-integer':
      return int(-0x80, 0x7f).map((value) => ({ type, value }));
    case 'long':
    case 'delta-long':
      return int(-0x8000, 0x7fff).map((value) => ({ type, value }));
    case 'double-long':
    case 'delta-double-long':
      return int(-0x80000000, 0x7fffffff).map((value) => ({ type, value }));
    case 'unsigned':
    case 'enum':
    case 'bcd':
    case 'delta-unsigned':
      return int(0, 0xff).map((value) => ({ type, value }));
    case 'long-unsigned':
    case 'delta-long-unsigned':
      return int(0, 0xffff).map((value) => ({ type, value }));
    case 'double-long-unsigned':
    case 'delta-double-long-unsigned':
      return int(0, 0xffffffff).map((value) => ({ type, value }));
    case 'long64':
      return fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((value) => ({ type, value }));
    case 'long64-unsigned':
      return fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map((value) => ({ type, value }));
    case 'float32':
      return fc.float().map((value) => ({ type, value }));
    case 'float64':
      return fc.double().map((value) => ({ type, value }));
    case 'date-time':
      return arbCosemDateTime().map((value) => ({ type, value }));
    case 'date':
      return arbCosemDate().map((value) => ({ type, value }));
    case 'time':
      return arbCosemTime().map((value) => ({ type, value }));
    default: {
      const never: never = type;
      throw new Error(`no arbitrary for ${String(never)}`);
    }
  }
}

/** A TypeDescription nested at most `depth` levels, arrays of at most 3 elements. */
export function arbTypeDescription(depth = 2): fc.Arbitrary<TypeDescription> {
  const simple = fc.constantFrom(...SIMPLE_TYPES).map((type): TypeDescription => ({ kind: 'simple', type }));
  if (depth <= 0) return simple;
  const inner = arbTypeDescription(depth - 1);
  return fc.oneof(
    { arbitrary: simple, weight: 3 },
    fc.record({ kind: fc.constant('array' as const), count: fc.integer({ min: 0, max: 3 }), element: inner }),
    fc.record({ kind: fc.constant('structure' as const), elements: fc.array(inner, { maxLength: 3 }) }),
  );
}

/** Values that fit a description, as a compact-array's items must. */
export function arbForDescription(desc: TypeDescription): fc.Arbitrary<Data> {
  switch (desc.kind) {
    case 'simple':
      return isSimpleType(desc.type) ? arbSimple(desc.type) : fc.constant<Data>({ type: 'null-data' });
    case 'array':
      return fc.array(arbForDescription(desc.element), { minLength: desc.count, maxLength: desc.count }).map((items): Data => ({ type: 'array', items }));
    case 'structure':
      return fc.tuple(...desc.elements.map(arbForDescription)).map((items): Data => ({ type: 'structure', items }));
    default: {
      const never: never = desc;
      throw new Error(`no arbitrary for ${JSON.stringify(never)}`);
    }
  }
}

/** A compact-array: a description whose values take bytes, and up to 4 items that fit it. */
export function arbCompactArray(): fc.Arbitrary<Data> {
  return arbTypeDescription(2)
    .filter((d) => minWidth(d) > 0)
    .chain((description) => fc.array(arbForDescription(description), { maxLength: 4 }).map((items): Data => ({ type: 'compact-array', description, items })));
}

/** Any Data value, containers nested at most `depth` levels (default 3), at most 4 items each. */
export function arbData(depth = 3): fc.Arbitrary<Data> {
  const simple = fc.constantFrom(...SIMPLE_TYPES).chain((t): fc.Arbitrary<Data> => arbSimple(t));
  if (depth <= 0) return simple;
  const inner = arbData(depth - 1);
  return fc.oneof(
    { arbitrary: simple, weight: 4 },
    { arbitrary: fc.array(inner, { maxLength: 4 }).map((items): Data => ({ type: 'array', items })), weight: 1 },
    { arbitrary: fc.array(inner, { maxLength: 4 }).map((items): Data => ({ type: 'structure', items })), weight: 1 },
    { arbitrary: arbCompactArray(), weight: 1 },
  );
}
