import { expect } from 'chai';
import type { Data } from '../../dlms/axdr/data';
import { attributeSpec, valueDifference } from './expected-value';

const scalerUnit = (scaler: number, unit: number): Data => ({
  type: 'structure',
  items: [
    { type: 'integer', value: scaler },
    { type: 'enum', value: unit },
  ],
});
const REGISTER_SCALER_UNIT = attributeSpec(3, 3);

describe('expected values of any shape', () => {
  it('passes a structure written as a mapping by field name, with the unit by its Blue Book symbol or its number', () => {
    expect(valueDifference({ scaler: 0, unit: 'Wh' }, scalerUnit(0, 30), REGISTER_SCALER_UNIT)).to.equal(undefined);
    expect(valueDifference({ scaler: 0, unit: 30 }, scalerUnit(0, 30), REGISTER_SCALER_UNIT)).to.equal(undefined);
    expect(valueDifference({ unit: 'Wh' }, scalerUnit(-3, 30), REGISTER_SCALER_UNIT), 'fields not written are not compared').to.equal(undefined);
  });

  it('passes a structure written as a list, in order', () => {
    expect(valueDifference([0, 30], scalerUnit(0, 30), REGISTER_SCALER_UNIT)).to.equal(undefined);
    expect(valueDifference([0, 30], scalerUnit(0, 30), undefined), 'without a catalogue type too').to.equal(undefined);
  });

  it('names the differing field, with the unit names on both sides', () => {
    expect(valueDifference({ scaler: 0, unit: 'Wh' }, scalerUnit(0, 27), REGISTER_SCALER_UNIT)).to.deep.equal({
      path: 'value.unit',
      expected: '30 (Wh)',
      actual: '27 (W)',
    });
    expect(valueDifference([0, 30], scalerUnit(0, 27), REGISTER_SCALER_UNIT)).to.deep.equal({ path: 'value.unit', expected: '30 (Wh)', actual: '27 (W)' });
    expect(valueDifference([1, 30], scalerUnit(0, 30), undefined)).to.deep.include({ path: 'value[0]', expected: '1' });
  });

  it('refuses a wrong shape and a field the catalogue does not know', () => {
    expect(valueDifference([0, 30, 1], scalerUnit(0, 30), REGISTER_SCALER_UNIT)).to.deep.include({ path: 'value', expected: '3 element(s)', actual: '2' });
    expect(valueDifference([0, 30], { type: 'long-unsigned', value: 7 }, undefined)).to.deep.include({ path: 'value' });
    expect(valueDifference({ scale: 0 }, scalerUnit(0, 30), REGISTER_SCALER_UNIT)).to.deep.include({ path: 'value.scale', actual: 'no such field' });
  });

  it('compares enumerations by name and logical names as A-B:C.D.E.F', () => {
    expect(valueDifference('associated', { type: 'enum', value: 2 }, attributeSpec(15, 8), 'value', 'association_status')).to.equal(undefined);
    const ln: Data = { type: 'octet-string', value: Uint8Array.of(0, 0, 40, 0, 0, 255) };
    expect(valueDifference('0-0:40.0.0.255', ln, attributeSpec(15, 1))).to.equal(undefined);
    expect(valueDifference(7, { type: 'long-unsigned', value: 7 }, undefined)).to.equal(undefined);
  });
});
