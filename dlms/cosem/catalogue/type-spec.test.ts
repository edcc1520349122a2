import { expect } from 'chai';
import { DecodeError, fromHex } from '../../bytes';
import type { Data } from '../../axdr/data';
import { decodeDataBytes } from '../../axdr/data-codec';
import { checkType, formatTypeSpec, parseTypeSpec } from './type-spec';
import { thrownBy } from '../../../test/helpers/thrown';

const errorOf = (fn: () => unknown): DecodeError => thrownBy(DecodeError, fn);

describe('catalogue type specs', () => {
  it('parses nested structures, arrays, choices and octet-string hints, and prints them back', () => {
    const text = 'array<structure{class_id: long-unsigned, logical_name: octet-string(obis), selectors: choice<null-data | array<integer>>, octet-string(4)}>';
    const spec = parseTypeSpec(text);
    expect(formatTypeSpec(spec)).to.equal(text);
    expect(parseTypeSpec('  structure{ }  ')).to.deep.equal({ kind: 'structure', fields: [] });
  });

  it('reports a bad spec at its character index', () => {
    let e = errorOf(() => parseTypeSpec('structure{a: long-unsgned}'));
    expect([e.code, e.offset]).to.deep.equal(['TYPE_SPEC_BAD_TEXT', 13]);
    e = errorOf(() => parseTypeSpec('array<integer'));
    expect(e.offset).to.equal(13);
    e = errorOf(() => parseTypeSpec('octet-string(datetime)'));
    expect(e.offset).to.equal(13);
    e = errorOf(() => parseTypeSpec('array<compact-array>'));
    expect(e.offset).to.equal(6);
  });

  it('accepts the scaler_unit the independent meter sent and names what is wrong with a bad one', () => {
    const spec = parseTypeSpec('structure{scaler: integer, unit: enum}');
    expect(checkType(decodeDataBytes(fromHex('02020FFE161E')), spec)).to.deep.equal([]);
    const bad: Data = {
      type: 'structure',
      items: [
        { type: 'integer', value: 0 },
        { type: 'unsigned', value: 30 },
      ],
    };
    expect(checkType(bad, spec)).to.deep.equal(['value.unit: expected enum, got unsigned']);
    expect(checkType({ type: 'structure', items: [] }, spec)).to.deep.equal(['value: expected a structure of 2, got 0 element(s)']);
  });

  it('checks octet-string lengths that hints stand for', () => {
    const spec = parseTypeSpec('octet-string(date-time)');
    const notSpecified = Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x80, 0x00, 0xff]);
    expect(checkType({ type: 'octet-string', value: notSpecified }, spec)).to.deep.equal([]);
    expect(checkType({ type: 'octet-string', value: new Uint8Array(6) }, spec)).to.deep.equal([
      'value: expected octet-string(date-time) of length 12, got length 6',
    ]);
  });

  it('checks every element of an array and accepts any alternative of a choice', () => {
    const spec = parseTypeSpec('array<choice<unsigned | long-unsigned>>');
    const d: Data = {
      type: 'array',
      items: [
        { type: 'unsigned', value: 1 },
        { type: 'long-unsigned', value: 2 },
        { type: 'boolean', value: true },
      ],
    };
    expect(checkType(d, spec)).to.deep.equal(['value[2]: expected choice<unsigned | long-unsigned>, got boolean']);
    expect(checkType({ type: 'array', items: [] }, parseTypeSpec('simple'))).to.deep.equal(['value: expected a simple type, got array']);
    expect(checkType({ type: 'array', items: [] }, parseTypeSpec('any'))).to.deep.equal([]);
  });

  it('checks numeric values against the ranges a spec lists, and prints the ranges back', () => {
    const spec = parseTypeSpec('enum[0..2, 255]');
    expect(formatTypeSpec(spec)).to.equal('enum[0..2, 255]');
    expect(checkType({ type: 'enum', value: 2 }, spec)).to.deep.equal([]);
    expect(checkType({ type: 'enum', value: 255 }, spec)).to.deep.equal([]);
    expect(checkType({ type: 'enum', value: 3 }, spec)).to.deep.equal(['value: expected enum[0..2, 255], got 3']);
    expect(checkType({ type: 'long', value: -121 }, parseTypeSpec('long[-120..120]'))).to.deep.equal(['value: expected long[-120..120], got -121']);
    expect(errorOf(() => parseTypeSpec('enum[0..]')).offset).to.equal(8);
  });

  it('checks every date, time and date-time the catalogue types so, "not specified" and the special days allowed', () => {
    const spec = parseTypeSpec('octet-string(date-time)');
    const valid = Uint8Array.from([0x07, 0xea, 0x0c, 0xfe, 0xff, 0x0a, 0x00, 0x00, 0xff, 0x80, 0x00, 0xff]); // last day of December 2026, 10:00
    expect(checkType({ type: 'octet-string', value: valid }, spec)).to.deep.equal([]);
    const day32 = valid.slice();
    day32[3] = 32;
    expect(checkType({ type: 'octet-string', value: day32 }, spec)[0]).to.match(/^value: not a valid date-time \(Blue Book 4\.1\.6\.1\): /);
    expect(checkType({ type: 'octet-string', value: Uint8Array.from([0xff, 0xff, 0xff, 0xff]) }, parseTypeSpec('octet-string(time)'))).to.deep.equal([]);
    expect(checkType({ type: 'octet-string', value: Uint8Array.from([0x19, 0, 0, 0]) }, parseTypeSpec('octet-string(time)'))).to.have.length(1);
  });
});
