import { expect } from 'chai';
import fc from 'fast-check';
import { fromHex } from '../bytes';
import { decodePduBytes } from './pdu';
import { decodeApduBytes } from '../xdlms/apdu';
import { arbApdu } from '../../test/support/dlms/xdlms/arbitrary';
import { describeApdu, describePdu } from './describe';
import { recordedApdu } from '../../test/support/dlms/xdlms/test-support';

const HDLC = 'c_hdlc_none.trace';

describe('describeApdu', () => {
  it('summarises a GET request on one line', () => {
    expect(describeApdu(decodeApduBytes(fromHex('C001C1000800000100 00FF0200')))).to.equal('get-request normal invoke 1 class 8 0-0:1.0.0.255 attr 2');
  });

  it('summarises GET responses with their data or data-access-result', () => {
    expect(describeApdu(decodeApduBytes(fromHex('C401C10104')))).to.equal('get-response normal invoke 1 → data-access-result object-undefined');
    expect(describeApdu(decodeApduBytes(fromHex('C401C100120080')))).to.equal('get-response normal invoke 1 → long-unsigned 128');
    expect(describeApdu(decodeApduBytes(recordedApdu(HDLC, 21).bytes))).to.equal('get-response with-datablock invoke 1 block 1 → raw-data 474 B');
  });

  it('shows priority and service class only when they are not the usual high and confirmed', () => {
    expect(describeApdu(decodeApduBytes(fromHex('C00201 00000002')))).to.equal('get-request next invoke 1 normal-priority unconfirmed block 2');
  });

  it('summarises exceptions, errors and unknown values by name', () => {
    expect(describeApdu(decodeApduBytes(fromHex('D80102')))).to.equal('exception-response service-not-allowed service-not-supported');
    expect(describeApdu(decodeApduBytes(fromHex('0E010601')))).to.equal('confirmed-service-error initiateError initiate dlms-version-too-low');
    expect(describeApdu(decodeApduBytes(fromHex('C501C107')))).to.equal('set-response normal invoke 1 → unknown(7)');
  });

  it('shows a dedicated key by its length only', () => {
    const text = describeApdu(decodeApduBytes(fromHex('01 01 10 000102030405060708090A0B0C0D0E0F 00 00 06 5F1F0400000018 FFFF')));
    expect(text).to.equal('initiate-request dlms 6 conformance get,set max-pdu 65535 dedicated-key 16 B');
  });

  it('summarises ciphered APDUs by their framing', () => {
    expect(describeApdu(decodeApduBytes(fromHex('C8 03 300000')))).to.equal('glo-get-request 3 B');
  });
});

describe('describePdu', () => {
  it('summarises the recorded AARQ and AARE with their xDLMS content (c_hdlc_none.trace lines 12, 13)', () => {
    expect(describePdu(decodePduBytes(recordedApdu(HDLC, 12).bytes))).to.equal(
      'AARQ logical-name | initiate-request dlms 6 conformance general-protection,block-transfer-with-get-or-read,block-transfer-with-set-or-write,block-transfer-with-action,multiple-references,get,set,selective-access,action max-pdu 65535',
    );
    expect(describePdu(decodePduBytes(recordedApdu(HDLC, 13).bytes))).to.equal(
      'AARE accepted (acse-service-user null) logical-name | initiate-response dlms 6 conformance get,set max-pdu 512 vaa 0x0007',
    );
  });

  it("shows the GMAC AARQ's mechanism and hides its challenge (c_wrapper_gmac.trace line 12)", () => {
    const text = describePdu(decodePduBytes(recordedApdu('c_wrapper_gmac.trace', 12).bytes));
    expect(text).to.equal(
      'AARQ logical-name-with-ciphering mechanism gmac calling-authentication-value 16 B calling-AP-title 4775727578313233 | glo-initiate-request 31 B',
    );
  });

  it('summarises the release (c_hdlc_none.trace line 798)', () => {
    expect(describePdu(decodePduBytes(recordedApdu(HDLC, 798).bytes))).to.equal('RLRQ normal');
  });

  it('describes every APDU without throwing', () => {
    fc.assert(
      fc.property(arbApdu(), (apdu) => {
        expect(describeApdu(apdu)).to.be.a('string').and.not.contain('\n');
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
