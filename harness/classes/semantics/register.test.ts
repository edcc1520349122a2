import { expect } from 'chai';
import type { Data } from '../../../dlms/axdr/data';
import { dateTimeToOctetString } from '../../../dlms/axdr/datetime';
import { testProfile } from '../../../test/support/harness/profiles';
import { EXTENDED_REGISTER_SEMANTICS } from './extended-register';
import { REGISTER_SEMANTICS } from './register';

const association = testProfile().associations[0]!;
const object = { classId: 3, version: 0, obis: '1-0:1.8.0.255', logicalName: new Uint8Array(6), attributes: [] };
const su = (scaler: number, unit: number): Data => ({
  type: 'structure',
  items: [
    { type: 'integer', value: scaler },
    { type: 'enum', value: unit },
  ],
});
const check = (values: [number, Data][], rules = REGISTER_SEMANTICS) => rules.check({ object, values: new Map(values), association });

describe('Register and Extended register rules', () => {
  it('accept a number with a known unit', () => {
    expect(
      check([
        [2, { type: 'double-long-unsigned', value: 5 }],
        [3, su(-1, 30)],
      ]),
    ).to.deep.equal([]);
  });

  it('refuse a unit the unit table lacks', () => {
    expect(check([[3, su(0, 0)]])).to.deep.equal([{ attribute: 3, expected: 'scaler_unit.unit a unit of the Blue Book unit table', actual: 'unit 0' }]);
  });

  it('refuse a value outside the Blue Book CHOICE, and a scaler on a string', () => {
    expect(check([[2, { type: 'boolean', value: true }]])[0]?.attribute).to.equal(2);
    expect(
      check([
        [2, { type: 'visible-string', value: 'x' }],
        [3, su(2, 255)],
      ])[0]?.expected,
    ).to.contain('scaler 0');
  });

  it('refuse an extended register capture_time outside the date-time ranges, allow "not specified"', () => {
    const bad = dateTimeToOctetString({
      date: { year: 2026, month: 1, dayOfMonth: 1, dayOfWeek: 4 },
      time: { hour: 24, minute: 0, second: 0, hundredths: 0 },
      deviation: 0,
      clockStatus: 0,
    });
    const open = dateTimeToOctetString({
      date: { year: undefined, month: undefined, dayOfMonth: undefined, dayOfWeek: undefined },
      time: { hour: undefined, minute: undefined, second: undefined, hundredths: undefined },
      deviation: undefined,
      clockStatus: undefined,
    });
    expect(check([[5, { type: 'octet-string', value: bad }]], EXTENDED_REGISTER_SEMANTICS)).to.deep.equal([
      { attribute: 5, expected: 'capture_time a valid date-time (Blue Book 4.1.6.1)', actual: 'hour 24 is outside 0..23' },
    ]);
    expect(check([[5, { type: 'octet-string', value: open }]], EXTENDED_REGISTER_SEMANTICS)).to.deep.equal([]);
  });
});
