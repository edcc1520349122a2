import { expect } from 'chai';
import { formatUnit, isKnownUnit, UNITS, unitName } from './units';

describe('units (Blue Book 4.3.2)', () => {
  it('names the units meters use most', () => {
    expect([1, 7, 27, 30, 32, 33, 35, 44, 56, 255].map(unitName)).to.deep.equal(['a', 's', 'W', 'Wh', 'varh', 'A', 'V', 'Hz', '%', 'count']);
  });

  it('knows no reserved code', () => {
    for (const code of [0, 58, 59, 68, 69, 100, 253]) expect(isKnownUnit(code), String(code)).to.equal(false);
    expect(formatUnit(58)).to.equal('58 (reserved)');
    expect(formatUnit(30)).to.equal('30 (Wh)');
  });

  it('lists each code once, in order, within an enum byte', () => {
    const codes = UNITS.map((u) => u.code);
    expect(codes).to.deep.equal([...codes].sort((a, b) => a - b));
    expect(new Set(codes).size).to.equal(codes.length);
    expect(codes.every((c) => c >= 1 && c <= 255)).to.equal(true);
  });
});
