import { expect } from 'chai';
import type { Data } from '../../../dlms/axdr/data';
import { dateTimeFromDate, dateTimeToOctetString } from '../../../dlms/axdr/datetime';
import { testProfile } from '../../../test/support/harness/profiles';
import { CLOCK_SEMANTICS } from './clock';

const association = testProfile().associations[0]!;
const object = { classId: 8, version: 0, obis: '0-0:1.0.0.255', logicalName: new Uint8Array(6), attributes: [] };
const check = (values: [number, Data][]) => CLOCK_SEMANTICS.check({ object, values: new Map(values), association });
const NOW = dateTimeToOctetString(dateTimeFromDate(new Date(Date.UTC(2026, 10, 24, 18, 10, 27)), -60));

describe('Clock rules', () => {
  it('accept a complete time, a time zone in range and a clean status', () => {
    expect(
      check([
        [2, { type: 'octet-string', value: NOW }],
        [3, { type: 'long', value: -60 }],
        [4, { type: 'unsigned', value: 0x80 }],
        [7, { type: 'integer', value: 60 }],
        [9, { type: 'enum', value: 1 }],
      ]),
    ).to.deep.equal([]);
  });

  it('refuse a month 13 and a time with unspecified fields', () => {
    const bad = NOW.slice();
    bad[2] = 13;
    expect(check([[2, { type: 'octet-string', value: bad }]])[0]?.actual).to.equal('month 13 is outside 1..12, 0xFD, 0xFE');
    const vague = NOW.slice();
    vague[5] = 0xff;
    expect(check([[2, { type: 'octet-string', value: vague }]])[0]?.expected).to.contain('complete date-time');
  });

  it('refuse a time zone, a status and the other attributes out of range', () => {
    const problems = check([
      [3, { type: 'long', value: 800 }],
      [4, { type: 'unsigned', value: 0x10 }],
      [7, { type: 'integer', value: 121 }],
      [9, { type: 'enum', value: 6 }],
    ]);
    expect(problems.map((p) => p.attribute)).to.deep.equal([3, 4, 7, 9]);
    expect(check([[3, { type: 'long', value: -0x8000 }]])).to.deep.equal([]);
  });
});
