import { expect } from 'chai';
import fc from 'fast-check';
import { fromHex } from '../bytes';
import { EncodeError } from '../axdr/encode-error';
import { encodeApduBytes } from './apdu';
import { arbConfirmedServiceError } from '../../test/support/dlms/xdlms/arbitrary';
import { SERVICE_ERROR_KIND, SERVICE_ERROR_VALUES } from './service-error';
import { expectRoundTrip, expectVector } from '../../test/support/dlms/xdlms/test-support';

describe('ConfirmedServiceError', () => {
  it('decodes the AARE refusal initiateError / initiate / dlms-version-too-low', () => {
    // 0E confirmedServiceError, 01 initiateError, 06 ServiceError initiate, 01 dlms-version-too-low
    expectVector('0E010601', { type: 'confirmed-service-error', service: 'initiateError', error: { kind: 'initiate', value: 'dlms-version-too-low' } });
  });

  it('decodes a read error with access / object-unavailable', () => {
    expectVector('0E050504', { type: 'confirmed-service-error', service: 'read', error: { kind: 'access', value: 'object-unavailable' } });
  });

  it('keeps an alternative or value the tables do not name as numbers', () => {
    expectVector('0E 20 0B 07', { type: 'confirmed-service-error', service: 0x20, error: { kind: 11, value: 7 } });
    expectVector('0E 01 06 09', { type: 'confirmed-service-error', service: 'initiateError', error: { kind: 'initiate', value: 9 } });
  });

  it('has the ServiceError alternatives of Green Book 9.5, change-scope [8] reserved', () => {
    expect(SERVICE_ERROR_KIND.values).to.deep.equal({
      'application-reference': 0,
      'hardware-resource': 1,
      'vde-state-error': 2,
      service: 3,
      definition: 4,
      access: 5,
      initiate: 6,
      'load-data-set': 7,
      'change-scope': 8,
      task: 9,
      other: 10,
    });
    expect(SERVICE_ERROR_VALUES.initiate.values).to.deep.equal({
      other: 0,
      'dlms-version-too-low': 1,
      'incompatible-conformance': 2,
      'pdu-size-too-short': 3,
      'refused-by-the-VDE-Handler': 4,
    });
    expect(SERVICE_ERROR_VALUES['application-reference'].name(6)).to.equal('deciphering-error');
  });

  it("refuses to encode a value name that is not in its alternative's table", () => {
    expect(() => encodeApduBytes({ type: 'confirmed-service-error', service: 'read', error: { kind: 'initiate', value: 'pdu-size' } })).to.throw(EncodeError);
    expect(encodeApduBytes({ type: 'confirmed-service-error', service: 'read', error: { kind: 'service', value: 'pdu-size' } })).to.deep.equal(
      fromHex('0E050301'),
    );
  });

  it('round-trips every ConfirmedServiceError', () => {
    fc.assert(fc.property(arbConfirmedServiceError(), expectRoundTrip), { seed: 42, numRuns: 300 });
  });
});
