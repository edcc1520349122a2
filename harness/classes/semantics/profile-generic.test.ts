import { expect } from 'chai';
import type { Data } from '../../../dlms/axdr/data';
import { testProfile } from '../../../test/support/harness/profiles';
import { PROFILE_GENERIC_SEMANTICS } from './profile-generic';

const association = testProfile().associations[0]!;
const object = { classId: 7, version: 1, obis: '1-0:99.1.0.255', logicalName: new Uint8Array(6), attributes: [] };
const column = (classId: number): Data => ({
  type: 'structure',
  items: [
    { type: 'long-unsigned', value: classId },
    { type: 'octet-string', value: new Uint8Array(6) },
    { type: 'integer', value: 2 },
    { type: 'long-unsigned', value: 0 },
  ],
});
const row = (n: number): Data => ({ type: 'structure', items: Array.from({ length: n }, (_, i): Data => ({ type: 'unsigned', value: i })) });
const u32 = (value: number): Data => ({ type: 'double-long-unsigned', value });
const check = (values: [number, Data][]) => PROFILE_GENERIC_SEMANTICS.check({ object, values: new Map(values), association });
const CAPTURE: [number, Data] = [3, { type: 'array', items: [column(8), column(3)] }];

describe('Profile generic rules', () => {
  it('accept rows of one element per capture object and entries within the profile', () => {
    expect(check([[2, { type: 'array', items: [row(2), row(2)] }], CAPTURE, [5, { type: 'enum', value: 1 }], [7, u32(2)], [8, u32(96)]])).to.deep.equal([]);
  });

  it('name a row whose length differs from capture_objects', () => {
    expect(check([[2, { type: 'array', items: [row(2), row(1)] }], CAPTURE])).to.deep.equal([
      { attribute: 2, expected: 'buffer[1] a structure of 2 elements, one per capture object', actual: '1 elements' },
    ]);
  });

  it('refuse more entries in use than profile entries, and more rows than entries in use', () => {
    expect(
      check([
        [7, u32(97)],
        [8, u32(96)],
      ]).map((p) => p.attribute),
    ).to.deep.equal([7]);
    expect(check([[2, { type: 'array', items: [row(2), row(2)] }], CAPTURE, [7, u32(1)], [8, u32(96)]]).map((p) => p.expected)).to.deep.equal([
      'at most entries_in_use (1) rows in the buffer',
    ]);
  });

  it('want a sort method 1..6, and a value-sorting one to sort by a captured column', () => {
    expect(check([[5, { type: 'enum', value: 7 }]])[0]?.attribute).to.equal(5);
    expect(check([CAPTURE, [5, { type: 'enum', value: 3 }], [6, column(4)]])[0]?.attribute).to.equal(6);
    expect(check([CAPTURE, [5, { type: 'enum', value: 3 }], [6, column(3)]])).to.deep.equal([]);
  });
});
