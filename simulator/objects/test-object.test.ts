import { expect } from 'chai';
import { loadMeterDefinition } from '../meter/load';
import { invokeMethod, readAttribute } from './store';
import { contextFor } from '../../test/support/simulator/testing';

const TEST = '0-0:128.0.2.255';

describe('the manufacturer-specific test object (class 8192)', () => {
  const ctx = contextFor('management', { meter: loadMeterDefinition() });
  const at = (attribute: number) => ({ classId: 8192, logicalName: Uint8Array.of(0, 0, 128, 0, 2, 255), attribute });
  const method = (m: number) => ({ classId: 8192, logicalName: Uint8Array.of(0, 0, 128, 0, 2, 255), method: m });

  it('returns its 700-byte value from method 1 read_long', () => {
    const value = readAttribute(at(2), ctx);
    expect(value).to.deep.include({ kind: 'data' });
    expect(invokeMethod(method(1), { type: 'integer', value: 0 }, ctx)).to.deep.equal({
      kind: 'success',
      returnData: value.kind === 'data' ? value.data : undefined,
    });
  });

  it(`counts each method 2 notify and reports the new counter of ${TEST} attribute 3 as an event`, () => {
    const before = readAttribute(at(3), ctx);
    const n = before.kind === 'data' && before.data.type === 'double-long-unsigned' ? before.data.value : -1;
    expect(invokeMethod(method(2), { type: 'integer', value: 0 }, ctx)).to.deep.equal({
      kind: 'success',
      event: { attribute: 3, value: { type: 'double-long-unsigned', value: n + 1 } },
    });
    expect(readAttribute(at(3), ctx)).to.deep.equal({ kind: 'data', data: { type: 'double-long-unsigned', value: n + 1 } });
  });

  it('refuses other parameters than integer 0 with type-unmatched, and other methods with object-undefined', () => {
    expect(invokeMethod(method(1), { type: 'unsigned', value: 1 }, ctx)).to.deep.equal({ kind: 'error', result: 'type-unmatched' });
    expect(invokeMethod(method(3), { type: 'integer', value: 0 }, ctx)).to.deep.equal({ kind: 'error', result: 'object-undefined' });
  });
});
