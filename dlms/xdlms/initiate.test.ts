import { expect } from 'chai';
import fc from 'fast-check';
import { arbInitiateRequest, arbInitiateResponse } from '../../test/support/dlms/xdlms/arbitrary';
import { RECORDED_INITIATE_REQUEST } from '../../test/vectors/fixtures';
import { decodeErrorOf, expectRoundTrip, expectVector } from '../../test/support/dlms/xdlms/test-support';
import { decodeApduBytes } from './apdu';
import { fromHex } from '../bytes';

describe('InitiateRequest and InitiateResponse', () => {
  it('decodes the InitiateRequest in the recorded AARQ user-information (c_hdlc_none.trace line 12)', () => {
    expectVector('0100000006 5F1F0400401E1D FFFF', RECORDED_INITIATE_REQUEST);
  });

  it('decodes the InitiateResponse in the recorded AARE (c_hdlc_none.trace line 13)', () => {
    // 08 initiate-response, 00 no quality-of-service, 06 version 6, 5F1F0400000018 get+set, 0200 max PDU 512, 0007 vaa-name
    expectVector('08 00 06 5F1F0400000018 0200 0007', {
      type: 'initiate-response',
      negotiatedDlmsVersionNumber: 6,
      negotiatedConformance: ['get', 'set'],
      serverMaxReceivePduSize: 512,
      vaaName: 7,
    });
  });

  it('keeps an explicitly encoded response-allowed apart from the DEFAULT', () => {
    // 01 dedicated-key present (2 bytes), 01 response-allowed present FALSE, 01 QoS present -1
    expectVector('01 01 02 AABB 01 00 01 FF 06 5F1F0400000018 0400', {
      type: 'initiate-request',
      dedicatedKey: fromHex('AABB'),
      responseAllowed: false,
      proposedQualityOfService: -1,
      proposedDlmsVersionNumber: 6,
      proposedConformance: ['get', 'set'],
      clientMaxReceivePduSize: 1024,
    });
  });

  it('refuses a malformed presence octet with its offset', () => {
    const e = decodeErrorOf(() => decodeApduBytes(fromHex('01 00 07 00 06 5F1F0400000018 0400')));
    expect([e.code, e.offset]).to.deep.equal(['XDLMS_BAD_PRESENCE', 2]);
  });

  it('round-trips every InitiateRequest and InitiateResponse', () => {
    fc.assert(fc.property(fc.oneof(arbInitiateRequest(), arbInitiateResponse()), expectRoundTrip), { seed: 42, numRuns: 300 });
  });
});
