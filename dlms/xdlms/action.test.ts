import { expect } from 'chai';
import fc from 'fast-check';
import { fromHex } from '../bytes';
import { decodeApduBytes } from './apdu';
import { arbActionRequest, arbActionResponse } from '../../test/support/dlms/xdlms/arbitrary';
import { invokeIdAndPriorityFromByte } from './invoke-id';
import { decodeErrorOf, expectRoundTrip, expectVector, obis } from '../../test/support/dlms/xdlms/test-support';

const iip = invokeIdAndPriorityFromByte(0xc1);
const replyToHls = { classId: 15, instanceId: obis('0-0:40.0.0.255'), methodId: 1 };

describe('ACTION', () => {
  it('decodes action-request-normal with parameters (reply_to_HLS_authentication, Blue Book 4.4.4)', () => {
    // C3 01 C1, 000F 0000280000FF 01, 01 parameters present, 09 02 AABB octet-string
    expectVector('C301C1 000F 0000280000FF 01 01 0902AABB', {
      type: 'action-request',
      variant: 'normal',
      invokeIdAndPriority: iip,
      method: replyToHls,
      methodInvocationParameters: { type: 'octet-string', value: fromHex('AABB') },
    });
  });

  it('decodes action-request-normal without parameters', () => {
    expectVector('C301C1 000F 0000280000FF 01 00', { type: 'action-request', variant: 'normal', invokeIdAndPriority: iip, method: replyToHls });
  });

  it('decodes action-response-normal with and without return parameters', () => {
    // C7 01 C1, 00 success, 01 return-parameters present, 00 data, 09 02 CCDD
    expectVector('C701C1 00 01 00 0902CCDD', {
      type: 'action-response',
      variant: 'normal',
      invokeIdAndPriority: iip,
      singleResponse: { result: 'success', returnParameters: { kind: 'data', data: { type: 'octet-string', value: fromHex('CCDD') } } },
    });
    expectVector('C701C1 0B 00', { type: 'action-response', variant: 'normal', invokeIdAndPriority: iip, singleResponse: { result: 'object-unavailable' } });
  });

  it('decodes the pblock variants', () => {
    const pblock = { lastBlock: false, blockNumber: 1, rawData: fromHex('0102') };
    expectVector('C304C1 000F 0000280000FF 01 00 00000001 02 0102', {
      type: 'action-request',
      variant: 'with-first-pblock',
      invokeIdAndPriority: iip,
      method: replyToHls,
      pblock,
    });
    expectVector('C306C1 00 00000001 02 0102', { type: 'action-request', variant: 'with-pblock', invokeIdAndPriority: iip, pblock });
    expectVector('C302C1 00000002', { type: 'action-request', variant: 'next-pblock', invokeIdAndPriority: iip, blockNumber: 2 });
    expectVector('C702C1 00 00000001 02 0102', { type: 'action-response', variant: 'with-pblock', invokeIdAndPriority: iip, pblock });
    expectVector('C704C1 00000001', { type: 'action-response', variant: 'next-pblock', invokeIdAndPriority: iip, blockNumber: 1 });
  });

  it('refuses an unknown action-request variant', () => {
    const e = decodeErrorOf(() => decodeApduBytes(fromHex('C307C1')));
    expect([e.code, e.offset]).to.deep.equal(['XDLMS_UNKNOWN_CHOICE', 1]);
  });

  it('round-trips every ACTION APDU', () => {
    fc.assert(fc.property(fc.oneof(arbActionRequest(), arbActionResponse()), expectRoundTrip), { seed: 42, numRuns: 500 });
  });
});
