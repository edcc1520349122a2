import { expect } from 'chai';
import fc from 'fast-check';
import { ByteReader, ByteWriter, DecodeError, fromHex, toHex } from '../bytes';
import { arbData } from '../../test/support/dlms/axdr/arbitrary';
import type { Data } from './data';
import { decodeData, decodeDataBytes, encodeData, encodeDataBytes } from './data-codec';
import { EncodeError } from './encode-error';
import { thrownBy } from '../../test/helpers/thrown';

const decodeErrorOf = (fn: () => unknown): DecodeError => thrownBy(DecodeError, fn);

function encodeErrorOf(fn: () => unknown): EncodeError {
  try {
    fn();
  } catch (e) {
    if (e instanceof EncodeError) return e;
    throw e;
  }
  throw new Error('expected an EncodeError');
}

const dt = (year: number, month: number, day: number, dow: number, h: number, m: number, s: number) => ({
  date: { year, month, dayOfMonth: day, dayOfWeek: dow },
  time: { hour: h, minute: m, second: s, hundredths: 0 },
  deviation: 0,
  clockStatus: 0,
});

/**
 * Golden vectors: get-response bodies (the Data after `C401C100`) from
 * c_hdlc_none.trace (/work/shared/vectors, copied to test/vectors/recordings), an exchange between Gurux's C client and
 * meter, annotated field by field. Each must decode to the value and encode back to the bytes.
 */
const GOLDEN: readonly { readonly name: string; readonly hex: string; readonly value: Data }[] = [
  { name: 'long-unsigned 1000 (12 03E8)', hex: '1203E8', value: { type: 'long-unsigned', value: 1000 } },
  { name: 'integer 60 (0F 3C)', hex: '0F3C', value: { type: 'integer', value: 60 } },
  { name: 'double-long-unsigned max (06 FFFFFFFF)', hex: '06FFFFFFFF', value: { type: 'double-long-unsigned', value: 0xffffffff } },
  { name: 'double-long 0 (05 00000000)', hex: '0500000000', value: { type: 'double-long', value: 0 } },
  { name: 'boolean true (03 01)', hex: '0301', value: { type: 'boolean', value: true } },
  { name: 'null-data (00)', hex: '00', value: { type: 'null-data' } },
  { name: 'long 0 (10 0000)', hex: '100000', value: { type: 'long', value: 0 } },
  {
    name: 'scaler_unit structure{integer -2, enum 30} (02 02 | 0F FE | 16 1E)',
    hex: '02020FFE161E',
    value: {
      type: 'structure',
      items: [
        { type: 'integer', value: -2 },
        { type: 'enum', value: 30 },
      ],
    },
  },
  {
    name: 'logical name octet-string 0-0:24.0.0.255 (09 06 0000180000FF)',
    hex: '09060000180000FF',
    value: { type: 'octet-string', value: fromHex('0000180000FF') },
  },
  {
    name: 'bit-string of 72 bits (04 48 | FFFFFFFFF000000000)',
    hex: '0448FFFFFFFFF000000000',
    value: { type: 'bit-string', length: 72, bytes: fromHex('FFFFFFFFF000000000') },
  },
  {
    name: 'structure of 6: bit-string(24), long-unsigned, long-unsigned, unsigned, integer, empty octet-string',
    hex: '0206' + '0418000018' + '120100' + '120100' + '1106' + '0F00' + '0900',
    value: {
      type: 'structure',
      items: [
        { type: 'bit-string', length: 24, bytes: fromHex('000018') },
        { type: 'long-unsigned', value: 256 },
        { type: 'long-unsigned', value: 256 },
        { type: 'unsigned', value: 6 },
        { type: 'integer', value: 0 },
        { type: 'octet-string', value: new Uint8Array() },
      ],
    },
  },
  {
    name: 'structure{unsigned 2, date-time 2026-11-24 Tue 18:10:26} (tag 19 = date-time, 12 bytes)',
    hex: '0202' + '1102' + '19' + '07EA0B1802120A1A00000000',
    value: {
      type: 'structure',
      items: [
        { type: 'unsigned', value: 2 },
        { type: 'date-time', value: dt(2026, 11, 24, 2, 18, 10, 26) },
      ],
    },
  },
  {
    name: 'array of 2 structures{unsigned, double-long-unsigned, date-time}',
    hex: '0102' + '0203110106000000011907EA0B1802120A1A00000000' + '0203110106000000021907EA0B1802120A1A00000000',
    value: {
      type: 'array',
      items: [1, 2].map((n): Data => ({
        type: 'structure',
        items: [
          { type: 'unsigned', value: 1 },
          { type: 'double-long-unsigned', value: n },
          { type: 'date-time', value: dt(2026, 11, 24, 2, 18, 10, 26) },
        ],
      })),
    },
  },
  {
    name: 'octet-string "RATE1" (09 05 | 5241544531)',
    hex: '09055241544531',
    value: { type: 'octet-string', value: fromHex('5241544531') },
  },
];

describe('A-XDR Data codec', () => {
  describe('golden vectors from an independent meter (c_hdlc_none.trace)', () => {
    for (const g of GOLDEN) {
      it(`decodes and re-encodes ${g.name}`, () => {
        expect(decodeDataBytes(fromHex(g.hex))).to.deep.equal(g.value);
        expect(toHex(encodeDataBytes(g.value))).to.equal(g.hex);
      });
    }

    it('decodes the association object list element of the Gurux meter exactly', () => {
      // 02 04: structure{class_id 12 000F = 15, version 11 02, logical_name 09 06 0000280000FF,
      // access_rights 02 02 {attribute_access 01 0B (11 × structure{integer id, enum access, null}),
      // method_access 01 06 (6 × structure{integer id, enum access})}}
      const attrs = Array.from({ length: 11 }, (_, i) => `02030F${(i + 1).toString(16).padStart(2, '0').toUpperCase()}160100`).join('');
      const methods = Array.from({ length: 6 }, (_, i) => `02020F${(i + 1).toString(16).padStart(2, '0').toUpperCase()}1600`).join('');
      const hex = '0204' + '12000F' + '1102' + '09060000280000FF' + '0202' + '010B' + attrs + '0106' + methods;
      const d = decodeDataBytes(fromHex(hex));
      expect(d.type).to.equal('structure');
      if (d.type !== 'structure') return;
      expect(d.items[0]).to.deep.equal({ type: 'long-unsigned', value: 15 });
      const rights = d.items[3];
      expect(rights?.type === 'structure' && rights.items[0]?.type === 'array' && rights.items[0].items.length).to.equal(11);
      expect(toHex(encodeDataBytes(d))).to.equal(hex);
    });

    it('reports the bytes this meter sent after a complete clock time as TRAILING_BYTES at their offset', () => {
      // Line 309: octet-string(12) for 0-0:1.0.0.255/2, then 18 stray bytes 090F 090C… 090F.
      const e = decodeErrorOf(() => decodeDataBytes(fromHex('090C07EA0B1802120A1B00000000090F090C07EA0B1802120A1B00000000090F'), 100));
      expect(e.code).to.equal('TRAILING_BYTES');
      expect(e.offset).to.equal(114);
    });
  });

  describe('every tag of the union', () => {
    const cases: readonly [string, Data][] = [
      ['1400000000000000FF', { type: 'long64', value: 255n }],
      ['15FFFFFFFFFFFFFFFF', { type: 'long64-unsigned', value: 2n ** 64n - 1n }],
      ['173FC00000', { type: 'float32', value: 1.5 }],
      ['18C002000000000000', { type: 'float64', value: -2.25 }],
      ['0D59', { type: 'bcd', value: 0x59 }],
      ['0C03E282AC', { type: 'utf8-string', value: '€' }],
      ['0A0341425A', { type: 'visible-string', value: 'ABZ' }],
      ['1A07EA0B1802', { type: 'date', value: { year: 2026, month: 11, dayOfMonth: 24, dayOfWeek: 2 } }],
      ['1BFF0000FF', { type: 'time', value: { hour: undefined, minute: 0, second: 0, hundredths: undefined } }],
      ['1C80', { type: 'delta-integer', value: -128 }],
      ['1D8000', { type: 'delta-long', value: -32768 }],
      ['1E80000000', { type: 'delta-double-long', value: -0x80000000 }],
      ['1FFF', { type: 'delta-unsigned', value: 255 }],
      ['20FFFF', { type: 'delta-long-unsigned', value: 65535 }],
      ['21FFFFFFFF', { type: 'delta-double-long-unsigned', value: 0xffffffff }],
      ['FF', { type: 'dont-care' }],
      ['1100', { type: 'unsigned', value: 0 }],
      ['1605', { type: 'enum', value: 5 }],
      ['040A FFC0', { type: 'bit-string', length: 10, bytes: fromHex('FFC0') }],
    ];
    for (const [hex, value] of cases) {
      it(`encodes ${value.type} as ${hex} and back`, () => {
        expect(toHex(encodeDataBytes(value))).to.equal(hex.replace(/ /g, ''));
        expect(decodeDataBytes(fromHex(hex))).to.deep.equal(value);
      });
    }

    it('encodes a compact-array as description, then untagged values in one length-prefixed octet string (Green Book 9.5)', () => {
      // 13 | description 02 02 12 06 = structure{long-unsigned, double-long-unsigned}
      //    | array-contents 0C = 12 bytes: 0001 00000064, 0002 000000C8
      const value: Data = {
        type: 'compact-array',
        description: {
          kind: 'structure',
          elements: [
            { kind: 'simple', type: 'long-unsigned' },
            { kind: 'simple', type: 'double-long-unsigned' },
          ],
        },
        items: [
          {
            type: 'structure',
            items: [
              { type: 'long-unsigned', value: 1 },
              { type: 'double-long-unsigned', value: 100 },
            ],
          },
          {
            type: 'structure',
            items: [
              { type: 'long-unsigned', value: 2 },
              { type: 'double-long-unsigned', value: 200 },
            ],
          },
        ],
      };
      const hex = '13' + '02021206' + '0C' + '000100000064' + '0002000000C8';
      expect(toHex(encodeDataBytes(value))).to.equal(hex);
      expect(decodeDataBytes(fromHex(hex))).to.deep.equal(value);
    });

    it('encodes an array description with its u16 count, and variable-length values keep their length', () => {
      // 13 | 01 0002 09 = array[2]<octet-string> | 05 = 5 bytes of contents: 02 AABB, 01 CC (one item)
      const value: Data = {
        type: 'compact-array',
        description: { kind: 'array', count: 2, element: { kind: 'simple', type: 'octet-string' } },
        items: [
          {
            type: 'array',
            items: [
              { type: 'octet-string', value: fromHex('AABB') },
              { type: 'octet-string', value: fromHex('CC') },
            ],
          },
        ],
      };
      const hex = '13' + '01000209' + '05' + '02AABB01CC';
      expect(toHex(encodeDataBytes(value))).to.equal(hex);
      expect(decodeDataBytes(fromHex(hex))).to.deep.equal(value);
    });
  });

  describe('hostile and malformed input', () => {
    it('refuses an unknown tag at the offset of the tag', () => {
      const e = decodeErrorOf(() => decodeDataBytes(fromHex('0202 1100 07'), 10));
      expect(e.code).to.equal('AXDR_UNKNOWN_TAG');
      expect(e.offset).to.equal(14);
      expect(e.actual).to.equal('0x07');
    });

    it('refuses nesting deeper than the limit without exhausting the stack', () => {
      const bomb = new Uint8Array(200_000);
      for (let i = 0; i < bomb.length; i += 2) bomb.set([0x01, 0x01], i);
      expect(decodeErrorOf(() => decodeDataBytes(bomb)).code).to.equal('AXDR_TOO_DEEP');
    });

    it('refuses an element count larger than the bytes left before allocating anything', () => {
      const e = decodeErrorOf(() => decodeDataBytes(fromHex('01 84 FFFFFFFF 00')));
      expect(e.code).to.equal('AXDR_COUNT_EXCEEDS_DATA');
      expect(decodeErrorOf(() => decodeDataBytes(fromHex('13 01FFFF 06 04 00000000'))).code).to.equal('AXDR_COUNT_EXCEEDS_DATA');
    });

    it('refuses compact-array contents whose description has width 0', () => {
      expect(decodeErrorOf(() => decodeDataBytes(fromHex('13 00 01 05'))).code).to.equal('AXDR_COMPACT_ZERO_WIDTH');
      expect(decodeDataBytes(fromHex('13 00 00'))).to.deep.equal({ type: 'compact-array', description: { kind: 'simple', type: 'null-data' }, items: [] });
    });

    it('stops a compact-array whose nested zero-width arrays would make billions of elements', () => {
      // structure{unsigned, array[65535]<array[65535]<null-data>>}, one item of 1 byte.
      expect(decodeErrorOf(() => decodeDataBytes(fromHex('13 02 02 11 01FFFF 01FFFF 00 01 05'))).code).to.equal('AXDR_TOO_MANY_ELEMENTS');
    });

    it('refuses a compact-array nested in a contents-description', () => {
      expect(decodeErrorOf(() => decodeDataBytes(fromHex('13 13 00'))).code).to.equal('AXDR_BAD_TYPE_DESCRIPTION');
    });

    it('refuses invalid UTF-8 in a utf8-string', () => {
      const e = decodeErrorOf(() => decodeDataBytes(fromHex('0C 02 C328')));
      expect(e.code).to.equal('AXDR_BAD_UTF8');
      expect(e.offset).to.equal(2);
    });

    it('reports a truncated value with the offset of the first missing byte', () => {
      const e = decodeErrorOf(() => decodeDataBytes(fromHex('0203 1100 1200')));
      expect(e.code).to.equal('TRUNCATED');
      expect(e.offset).to.equal(5);
    });

    it('leaves bytes after the value to the caller of decodeData', () => {
      const r = new ByteReader(fromHex('1101 AA'));
      expect(decodeData(r)).to.deep.equal({ type: 'unsigned', value: 1 });
      expect(r.remaining).to.equal(1);
    });

    it('records the offset of every node when asked', () => {
      const offsets = new WeakMap<Data, number>();
      const d = decodeDataBytes(fromHex('0202 1101 0202 1102 1103'), 40, { offsets });
      expect(offsets.get(d)).to.equal(40);
      if (d.type !== 'structure') throw new Error('structure expected');
      const inner = d.items[1] as Data;
      expect(offsets.get(inner)).to.equal(44);
      if (inner.type !== 'structure') throw new Error('structure expected');
      expect(offsets.get(inner.items[1] as Data)).to.equal(48);
    });

    it('throws only DecodeError on 20,000 mutated and random inputs', function () {
      this.timeout(120_000);
      const mutated = fc
        .tuple(arbData(3), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }), fc.nat())
        .map(([d, edits, cut]) => {
          const bytes = encodeDataBytes(d);
          for (const [at, v] of edits) if (bytes.length) bytes[at % bytes.length] = v;
          return bytes.subarray(0, bytes.length ? bytes.length - (cut % Math.min(3, bytes.length)) : 0);
        });
      const random = fc.uint8Array({ maxLength: 64 });
      fc.assert(
        fc.property(fc.oneof(mutated, random), (bytes) => {
          try {
            decodeDataBytes(bytes);
          } catch (e) {
            if (!(e instanceof DecodeError)) throw e;
          }
        }),
        { seed: 42, numRuns: 20_000 },
      );
    });
  });

  describe('encoding', () => {
    it('refuses a value outside its type with the path of the element', () => {
      const e = encodeErrorOf(() => encodeDataBytes({ type: 'structure', items: [{ type: 'null-data' }, { type: 'unsigned', value: 300 }] }));
      expect(e.code).to.equal('AXDR_VALUE_OUT_OF_RANGE');
      expect(e.path).to.equal('$.structure[1]');
    });

    it('refuses a compact-array item that does not match its description', () => {
      const e = encodeErrorOf(() =>
        encodeDataBytes({ type: 'compact-array', description: { kind: 'simple', type: 'long-unsigned' }, items: [{ type: 'unsigned', value: 1 }] }),
      );
      expect(e.code).to.equal('AXDR_COMPACT_MISMATCH');
      expect(e.path).to.equal('$.compact-array[0]');
    });

    it('refuses a bit-string whose bytes do not hold its length', () => {
      expect(encodeErrorOf(() => encodeDataBytes({ type: 'bit-string', length: 9, bytes: fromHex('FF') })).code).to.equal('AXDR_BAD_BIT_STRING');
    });

    it('writes long A-XDR counts for big arrays', () => {
      const items: Data[] = Array.from({ length: 200 }, () => ({ type: 'null-data' }));
      const bytes = encodeDataBytes({ type: 'array', items });
      expect(toHex(bytes.subarray(0, 3))).to.equal('0181C8');
      expect(decodeDataBytes(bytes)).to.deep.equal({ type: 'array', items });
    });

    it('round-trips every generated Data value (decode(encode(x)) deep-equals x)', () => {
      fc.assert(
        fc.property(arbData(), (d) => {
          const w = new ByteWriter();
          encodeData(w, d);
          expect(decodeDataBytes(w.finish())).to.deep.equal(d);
        }),
        { seed: 42, numRuns: 1000 },
      );
    });
  });
});
