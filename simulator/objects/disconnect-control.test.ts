import { expect } from 'chai';
import { parseObis } from '../../dlms/cosem/obis';
import { loadMeterDefinition } from '../meter/load';
import { contextFor } from '../../test/support/simulator/testing';
import { invokeMethod, readAttribute, writeAttribute } from './store';

const LN = parseObis('0-0:96.3.10.255');
const ZERO = { type: 'integer', value: 0 } as const;

describe('disconnect control (class 70)', () => {
  // A fresh meter: the disconnector's state lives in it.
  const meter = loadMeterDefinition();
  const rw = () => contextFor('management', { meter });
  const read = (attribute: number) => readAttribute({ classId: 70, logicalName: LN, attribute }, rw());
  const invoke = (method: number, parameters: Parameters<typeof invokeMethod>[1] = ZERO) =>
    invokeMethod({ classId: 70, logicalName: LN, method }, parameters, rw());

  it('starts connected: output_state true, control_state 1, control_mode as defined', () => {
    expect(read(2)).to.deep.equal({ kind: 'data', data: { type: 'boolean', value: true } });
    expect(read(3)).to.deep.equal({ kind: 'data', data: { type: 'enum', value: 1 } });
    expect(read(4)).to.deep.equal({ kind: 'data', data: { type: 'enum', value: 2 } });
  });

  it('disconnects with remote_disconnect and, in mode 2, reconnects at once with remote_reconnect (Blue Book 4.5.8 b, d)', () => {
    expect(invoke(1)).to.deep.equal({ kind: 'success' });
    expect(read(2)).to.deep.include({ data: { type: 'boolean', value: false } });
    expect(read(3)).to.deep.include({ data: { type: 'enum', value: 0 } });
    expect(invoke(1)).to.deep.equal({ kind: 'error', result: 'temporary-failure' });
    expect(invoke(2)).to.deep.equal({ kind: 'success' });
    expect(read(3)).to.deep.include({ data: { type: 'enum', value: 1 } });
  });

  it('goes to ready_for_reconnection in mode 1, and allows no remote transition in mode 0', () => {
    const mode = (value: number) => writeAttribute({ classId: 70, logicalName: LN, attribute: 4 }, { type: 'enum', value }, rw());
    expect(mode(1)).to.deep.equal({ kind: 'success' });
    expect(invoke(1)).to.deep.equal({ kind: 'success' });
    expect(invoke(2)).to.deep.equal({ kind: 'success' });
    expect(read(3)).to.deep.include({ data: { type: 'enum', value: 2 } });
    expect(read(2)).to.deep.include({ data: { type: 'boolean', value: false } });
    expect(mode(0)).to.deep.equal({ kind: 'success' });
    expect(invoke(1)).to.deep.equal({ kind: 'error', result: 'temporary-failure' });
    expect(mode(7)).to.deep.equal({ kind: 'error', result: 'other-reason' });
    expect(mode(2)).to.deep.equal({ kind: 'success' });
  });

  it('refuses a parameter other than integer(0), an unknown method, and any method in a read-only association', () => {
    expect(invoke(1, { type: 'integer', value: 1 })).to.deep.equal({ kind: 'error', result: 'type-unmatched' });
    expect(invoke(3)).to.deep.equal({ kind: 'error', result: 'object-undefined' });
    expect(invokeMethod({ classId: 70, logicalName: LN, method: 1 }, ZERO, contextFor('public', { meter }))).to.deep.equal({
      kind: 'error',
      result: 'read-write-denied',
    });
  });

  it('refuses writing output_state and control_state (read-only)', () => {
    expect(writeAttribute({ classId: 70, logicalName: LN, attribute: 2 }, { type: 'boolean', value: false }, rw())).to.deep.equal({
      kind: 'error',
      result: 'read-write-denied',
    });
  });
});
