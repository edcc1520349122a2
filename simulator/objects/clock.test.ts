import { expect } from 'chai';
import { dateTimeFromOctetString } from '../../dlms/axdr/datetime';
import { toHex } from '../../dlms/bytes';
import { parseObis } from '../../dlms/cosem/obis';
import { contextFor, T0 } from '../../test/support/simulator/testing';
import { readAttribute } from './store';

const clock = (attribute: number) => ({ classId: 8, logicalName: parseObis('0-0:1.0.0.255'), attribute });

describe('clock (class 8)', () => {
  it('reads the time from now() as an octet-string(12) date-time', () => {
    const r = readAttribute(clock(2), contextFor('public'));
    if (r.kind !== 'data' || r.data.type !== 'octet-string') throw new Error('expected an octet-string');
    // The same bytes the independent meter sent at that moment (c_hdlc_none.trace line 309).
    expect(toHex(r.data.value)).to.equal('07EA0B1802120A1B00000000');
    expect(dateTimeFromOctetString(r.data.value).time).to.deep.equal({ hour: 18, minute: 10, second: 27, hundredths: 0 });
  });

  it('follows now() between reads', () => {
    const r = readAttribute(clock(2), contextFor('public', { now: T0 + 61_000 }));
    if (r.kind !== 'data' || r.data.type !== 'octet-string') throw new Error('expected an octet-string');
    expect(dateTimeFromOctetString(r.data.value).time).to.deep.equal({ hour: 18, minute: 11, second: 28, hundredths: 0 });
  });

  it('serves every attribute with its Blue Book type', () => {
    const types = [2, 3, 4, 5, 6, 7, 8, 9].map((a) => {
      const r = readAttribute(clock(a), contextFor('public'));
      return r.kind === 'data' ? r.data.type : r.result;
    });
    expect(types).to.deep.equal(['octet-string', 'long', 'unsigned', 'octet-string', 'octet-string', 'integer', 'boolean', 'enum']);
  });

  it('reports daylight saving begin as the last Sunday of March, year not specified', () => {
    const r = readAttribute(clock(5), contextFor('public'));
    if (r.kind !== 'data' || r.data.type !== 'octet-string') throw new Error('expected an octet-string');
    // year FFFF, March, last day (FE), Sunday, 02:00:00.00, deviation 8000 and status FF not specified
    expect(toHex(r.data.value)).to.equal('FFFF03FE07020000008000FF');
  });
});
