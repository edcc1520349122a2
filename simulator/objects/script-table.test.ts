import { expect } from 'chai';
import { parseObis } from '../../dlms/cosem/obis';
import { loadMeterDefinition } from '../meter/load';
import { contextFor } from '../../test/support/simulator/testing';
import { invokeMethod, readAttribute } from './store';

const TABLE = parseObis('0-0:10.0.128.255');
const SETTING = parseObis('0-0:96.50.0.255');

describe('script table (class 9)', () => {
  const meter = loadMeterDefinition();
  const rw = () => contextFor('management', { meter });
  const execute = (id: number) => invokeMethod({ classId: 9, logicalName: TABLE, method: 1 }, { type: 'long-unsigned', value: id }, rw());
  const setting = () => readAttribute({ classId: 1, logicalName: SETTING, attribute: 2 }, rw());

  it('runs the write actions of the script executed (Blue Book 4.5.2)', () => {
    expect(setting()).to.deep.include({ data: { type: 'long-unsigned', value: 0 } });
    expect(execute(1)).to.deep.equal({ kind: 'success' });
    expect(setting()).to.deep.include({ data: { type: 'long-unsigned', value: 7 } });
  });

  it('does nothing for the null script 0, and refuses a script the table does not hold', () => {
    expect(execute(0)).to.deep.equal({ kind: 'success' });
    expect(execute(9)).to.deep.equal({ kind: 'error', result: 'object-unavailable' });
  });

  it('refuses a parameter that is not a long-unsigned script identifier', () => {
    expect(invokeMethod({ classId: 9, logicalName: TABLE, method: 1 }, { type: 'integer', value: 1 }, rw())).to.deep.equal({
      kind: 'error',
      result: 'type-unmatched',
    });
  });
});
