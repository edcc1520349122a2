import { expect } from 'chai';
import fc from 'fast-check';
import { fromHex } from '../bytes';
import { decodeApduBytes } from './apdu';
import { arbGetRequest, arbGetResponse } from '../../test/support/dlms/xdlms/arbitrary';
import { invokeIdAndPriorityFromByte } from './invoke-id';
import { decodeErrorOf, expectRoundTrip, expectVector, obis } from '../../test/support/dlms/xdlms/test-support';

const iip = invokeIdAndPriorityFromByte(0xc1);

describe('GET', () => {
  it('decodes get-request-next as sent by the recorded client (c_hdlc_none.trace line 22: C002C100000001)', () => {
    expectVector('C002C100000001', { type: 'get-request', variant: 'next', invokeIdAndPriority: iip, blockNumber: 1 });
  });

  it('decodes get-request-normal with selective access (c_hdlc_none.trace line 796)', () => {
    const apdu = decodeApduBytes(
      fromHex('C001C100070100636200FF0201010204020412000809060000010000FF0F02120000090C07EA0B180200000000000000090C07EA0B1802120A1B000000000100'),
    );
    if (apdu.type !== 'get-request' || apdu.variant !== 'normal') throw new Error(apdu.type);
    expect(apdu.attribute).to.deep.equal({ classId: 7, instanceId: obis('1-0:99.98.0.255'), attributeId: 2 });
    expect(apdu.accessSelection?.accessSelector).to.equal(1);
  });

  it('decodes get-request-with-list and get-response-with-list', () => {
    // C0 03 C1, 02 two descriptors: clock time (no selection), register value (no selection)
    expectVector('C003C1 02 0008 0000010000FF 02 00 0003 0100010800FF 02 00', {
      type: 'get-request',
      variant: 'with-list',
      invokeIdAndPriority: iip,
      attributes: [
        { attribute: { classId: 8, instanceId: obis('0-0:1.0.0.255'), attributeId: 2 } },
        { attribute: { classId: 3, instanceId: obis('1-0:1.8.0.255'), attributeId: 2 } },
      ],
    });
    // C4 03 C1, 02 results: data double-long-unsigned 5, data-access-result read-write-denied
    expectVector('C403C1 02 00 0600000005 01 03', {
      type: 'get-response',
      variant: 'with-list',
      invokeIdAndPriority: iip,
      result: [
        { kind: 'data', data: { type: 'double-long-unsigned', value: 5 } },
        { kind: 'data-access-result', result: 'read-write-denied' },
      ],
    });
  });

  it('decodes the last datablock that carries a data-access-result', () => {
    expectVector('C402C1 01 00000003 01 0F', {
      type: 'get-response',
      variant: 'with-datablock',
      invokeIdAndPriority: iip,
      result: { lastBlock: true, blockNumber: 3, result: { kind: 'data-access-result', result: 'long-get-aborted' } },
    });
  });

  it('refuses an unknown get-request variant before reading further', () => {
    const e = decodeErrorOf(() => decodeApduBytes(fromHex('C004')));
    expect([e.code, e.offset]).to.deep.equal(['XDLMS_UNKNOWN_CHOICE', 1]);
  });

  it('round-trips every GET APDU', () => {
    fc.assert(fc.property(fc.oneof(arbGetRequest(), arbGetResponse()), expectRoundTrip), { seed: 42, numRuns: 500 });
  });
});
