import { expect } from 'chai';
import { dateTimeFromOctetString, formatDateTime } from '../../dlms/axdr/datetime';
import { parseObis } from '../../dlms/cosem/obis';
import { contextFor, T0 } from '../../test/support/simulator/testing';
import { readAttribute } from './store';

const DEMAND = { classId: 4, logicalName: parseObis('1-0:1.6.0.255'), attribute: 2 };

describe('extended register (class 4)', () => {
  it('returns its value, scaler_unit and status as defined', () => {
    const ctx = contextFor('public');
    expect(readAttribute(DEMAND, ctx)).to.deep.equal({ kind: 'data', data: { type: 'double-long-unsigned', value: 4200 } });
    expect(readAttribute({ ...DEMAND, attribute: 3 }, ctx)).to.deep.equal({
      kind: 'data',
      data: {
        type: 'structure',
        items: [
          { type: 'integer', value: 0 },
          { type: 'enum', value: 27 },
        ],
      },
    });
    expect(readAttribute({ ...DEMAND, attribute: 4 }, ctx)).to.deep.equal({ kind: 'data', data: { type: 'unsigned', value: 0 } });
  });

  it('reports the capture time as the last 15-minute boundary, as the clock shows time', () => {
    const at = (now: number) => {
      const r = readAttribute({ ...DEMAND, attribute: 5 }, contextFor('public', { now }));
      if (r.kind !== 'data' || r.data.type !== 'octet-string') throw new Error('expected an octet-string');
      return formatDateTime(dateTimeFromOctetString(r.data.value));
    };
    expect(at(T0)).to.equal('2026-11-24 (Tue) 18:00:00.00 deviation 0 status 0x00');
    expect(at(T0 + 5 * 60_000)).to.equal('2026-11-24 (Tue) 18:15:00.00 deviation 0 status 0x00');
  });
});
