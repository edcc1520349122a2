import { expect } from 'chai';
import { parseObis } from '../../dlms/cosem/obis';
import { loadMeterDefinition } from '../meter/load';
import { contextFor } from '../../test/support/simulator/testing';
import { invokeMethod, readAttribute, writeAttribute } from './store';

const LN = parseObis('0-0:13.0.0.255');
const text = (t: string) => ({ type: 'octet-string', value: new TextEncoder().encode(t) }) as const;

describe('activity calendar (class 20)', () => {
  const meter = loadMeterDefinition();
  const rw = () => contextFor('management', { meter });
  const read = (attribute: number) => readAttribute({ classId: 20, logicalName: LN, attribute }, rw());

  it('copies the passive calendar into the active one on activate_passive_calendar, and keeps the passive one (Blue Book 4.5.5)', () => {
    const passive = [6, 7, 8, 9].map(read);
    expect(read(2)).to.deep.include({ data: text('CAL1') });
    expect(invokeMethod({ classId: 20, logicalName: LN, method: 1 }, { type: 'integer', value: 0 }, rw())).to.deep.equal({ kind: 'success' });
    expect([2, 3, 4, 5].map(read)).to.deep.equal(passive);
    expect([6, 7, 8, 9].map(read)).to.deep.equal(passive);
  });

  it('lets a client write the passive calendar, never the active one', () => {
    expect(writeAttribute({ classId: 20, logicalName: LN, attribute: 6 }, text('CAL3'), rw())).to.deep.equal({ kind: 'success' });
    expect(writeAttribute({ classId: 20, logicalName: LN, attribute: 2 }, text('CAL3'), rw())).to.deep.equal({ kind: 'error', result: 'read-write-denied' });
  });
});
