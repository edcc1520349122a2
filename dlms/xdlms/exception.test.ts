import { expect } from 'chai';
import fc from 'fast-check';
import { fromHex } from '../bytes';
import { decodeApduBytes } from './apdu';
import { arbExceptionResponse } from '../../test/support/dlms/xdlms/arbitrary';
import { decodeErrorOf, expectRoundTrip, expectVector } from '../../test/support/dlms/xdlms/test-support';

describe('ExceptionResponse', () => {
  it('decodes service-not-allowed / service-not-supported', () => {
    // D8 exception-response, 01 state-error service-not-allowed, 02 service-error service-not-supported (NULL)
    expectVector('D80102', { type: 'exception-response', stateError: 'service-not-allowed', serviceError: { kind: 'service-not-supported' } });
  });

  it('decodes invocation-counter-error with the counter the server expects', () => {
    expectVector('D8 02 06 0000012C', {
      type: 'exception-response',
      stateError: 'service-unknown',
      serviceError: { kind: 'invocation-counter-error', invocationCounter: 300 },
    });
  });

  it('names every service-error of Green Book 9.5', () => {
    const kinds = [1, 2, 3, 4, 5].map((n) => decodeApduBytes(Uint8Array.of(0xd8, 1, n)));
    expect(kinds.map((k) => (k.type === 'exception-response' ? k.serviceError.kind : ''))).to.deep.equal([
      'operation-not-possible',
      'service-not-supported',
      'other-reason',
      'pdu-too-long',
      'deciphering-error',
    ]);
  });

  it('refuses an unknown service-error, whose content length cannot be known', () => {
    const e = decodeErrorOf(() => decodeApduBytes(fromHex('D80107')));
    expect([e.code, e.offset]).to.deep.equal(['XDLMS_UNKNOWN_CHOICE', 2]);
  });

  it('keeps an unknown state-error as its number', () => {
    expectVector('D80301', { type: 'exception-response', stateError: 3, serviceError: { kind: 'operation-not-possible' } });
  });

  it('round-trips every ExceptionResponse', () => {
    fc.assert(fc.property(arbExceptionResponse(), expectRoundTrip), { seed: 42, numRuns: 200 });
  });
});
