import { expect } from 'chai';
import type { Data } from '../../dlms/axdr/data';
import { isDummy, withoutDummies } from './dummy';

const u = (value: number): Data => ({ type: 'unsigned', value });
const octets = (...b: number[]): Data => ({ type: 'octet-string', value: Uint8Array.from(b) });
const s = (...items: Data[]): Data => ({ type: 'structure', items });

describe('dummy attributes (DLMS UA 1001-6 §7.3.10)', () => {
  it('takes an all-zero structure for a dummy, and nothing else', () => {
    expect(isDummy(s(u(0), octets(0, 0, 0, 0, 0), s(u(0), { type: 'boolean', value: false })))).to.equal(true);
    expect(isDummy(s(u(0), octets(0, 0, 1)))).to.equal(false);
    expect(isDummy(s())).to.equal(false);
    expect(isDummy(u(0))).to.equal(false);
    expect(isDummy({ type: 'array', items: [s(u(0))] })).to.equal(false);
  });

  it('sets aside the all-zero elements of an array, or a whole all-zero structure, and counts them', () => {
    const real = s(u(1), octets(0xff, 0xff, 12, 25, 0xff));
    const dummy = s(u(0), octets(0, 0, 0, 0, 0));
    expect(withoutDummies({ type: 'array', items: [real, dummy, dummy] })).to.deep.equal({ value: { type: 'array', items: [real] }, dummies: 2 });
    expect(withoutDummies(dummy)).to.deep.equal({ value: undefined, dummies: 1 });
    const clean: Data = { type: 'array', items: [real] };
    expect(withoutDummies(clean).value).to.equal(clean);
  });
});
