import { expect } from 'chai';
import fc from 'fast-check';
import { fromHex } from '../bytes';
import { decodeApduBytes } from './apdu';
import { arbSetRequest, arbSetResponse } from '../../test/support/dlms/xdlms/arbitrary';
import { invokeIdAndPriorityFromByte } from './invoke-id';
import { decodeErrorOf, expectRoundTrip, expectVector, obis } from '../../test/support/dlms/xdlms/test-support';

const iip = invokeIdAndPriorityFromByte(0xc1);
const clockTime = { classId: 8, instanceId: obis('0-0:1.0.0.255'), attributeId: 2 };

describe('SET', () => {
  it('decodes set-request-normal: descriptor, no selection, value', () => {
    // C1 01 C1, 0008 0000010000FF 02, 00 no selection, 12 0078 long-unsigned 120
    expectVector('C101C1 0008 0000010000FF 02 00 12 0078', {
      type: 'set-request',
      variant: 'normal',
      invokeIdAndPriority: iip,
      attribute: clockTime,
      value: { type: 'long-unsigned', value: 120 },
    });
  });

  it('decodes set-request-with-first-datablock and with-datablock', () => {
    expectVector('C102C1 0008 0000010000FF 02 00 00 00000001 02 0910', {
      type: 'set-request',
      variant: 'with-first-datablock',
      invokeIdAndPriority: iip,
      attribute: clockTime,
      datablock: { lastBlock: false, blockNumber: 1, rawData: fromHex('0910') },
    });
    expectVector('C103C1 01 00000002 01 AA', {
      type: 'set-request',
      variant: 'with-datablock',
      invokeIdAndPriority: iip,
      datablock: { lastBlock: true, blockNumber: 2, rawData: fromHex('AA') },
    });
  });

  it('decodes set-request-with-list and its response', () => {
    expectVector('C104C1 01 0008 0000010000FF 02 00 01 11 05', {
      type: 'set-request',
      variant: 'with-list',
      invokeIdAndPriority: iip,
      attributes: [{ attribute: clockTime }],
      values: [{ type: 'unsigned', value: 5 }],
    });
    expectVector('C505C1 02 00 03', { type: 'set-response', variant: 'with-list', invokeIdAndPriority: iip, result: ['success', 'read-write-denied'] });
  });

  it('decodes every set-response variant', () => {
    expectVector('C501C1 00', { type: 'set-response', variant: 'normal', invokeIdAndPriority: iip, result: 'success' });
    expectVector('C502C1 00000004', { type: 'set-response', variant: 'datablock', invokeIdAndPriority: iip, blockNumber: 4 });
    expectVector('C503C1 13 00000005', {
      type: 'set-response',
      variant: 'last-datablock',
      invokeIdAndPriority: iip,
      result: 'data-block-number-invalid',
      blockNumber: 5,
    });
    expectVector('C504C1 01 00 00000006', {
      type: 'set-response',
      variant: 'last-datablock-with-list',
      invokeIdAndPriority: iip,
      result: ['success'],
      blockNumber: 6,
    });
  });

  it('refuses an unknown set-response variant', () => {
    expect(decodeErrorOf(() => decodeApduBytes(fromHex('C506C100'))).code).to.equal('XDLMS_UNKNOWN_CHOICE');
  });

  it('round-trips every SET APDU', () => {
    fc.assert(fc.property(fc.oneof(arbSetRequest(), arbSetResponse()), expectRoundTrip), { seed: 42, numRuns: 500 });
  });
});
