import { expect } from 'chai';
import { parseObis } from '../../dlms/cosem/obis';
import { contextFor, T0 } from '../../test/support/simulator/testing';
import { readAttribute } from './store';

const HOUR = 3_600_000;
const energy = { classId: 3, logicalName: parseObis('1-0:1.8.0.255'), attribute: 2 };

describe('register (class 3)', () => {
  it('returns scaler_unit as structure { integer, enum } (Blue Book 4.3.2)', () => {
    const r = readAttribute({ ...energy, attribute: 3 }, contextFor('public'));
    expect(r).to.deep.equal({
      kind: 'data',
      data: {
        type: 'structure',
        items: [
          { type: 'integer', value: 0 },
          { type: 'enum', value: 30 },
        ],
      },
    });
    const voltage = readAttribute({ classId: 3, logicalName: parseObis('1-0:32.7.0.255'), attribute: 3 }, contextFor('public'));
    expect(voltage).to.deep.equal({
      kind: 'data',
      data: {
        type: 'structure',
        items: [
          { type: 'integer', value: -1 },
          { type: 'enum', value: 35 },
        ],
      },
    });
  });

  it('starts an energy register at its defined value', () => {
    expect(readAttribute(energy, contextFor('public'))).to.deep.equal({ kind: 'data', data: { type: 'double-long-unsigned', value: 1234567 } });
  });

  it('advances an energy register by its growth per hour as time passes', () => {
    const later = readAttribute(energy, contextFor('public', { now: T0 + 2 * HOUR }));
    expect(later).to.deep.equal({ kind: 'data', data: { type: 'double-long-unsigned', value: 1234567 + 3000 } });
  });

  it('keeps a register without growth constant', () => {
    const voltage = { classId: 3, logicalName: parseObis('1-0:32.7.0.255'), attribute: 2 };
    expect(readAttribute(voltage, contextFor('public', { now: T0 + HOUR }))).to.deep.equal({ kind: 'data', data: { type: 'long-unsigned', value: 2301 } });
  });
});
