import { expect } from 'chai';
import fc from 'fast-check';
import { ByteReader, ByteWriter, fromHex, toHex } from '../bytes';
import { bitStringOf } from '../ber';
import { decodeErrorOf, recordedApdu } from '../../test/support/dlms/xdlms/test-support';
import { decodeAare, encodeAare, type Aare } from './aare';
import { arbAare } from '../../test/support/dlms/acse/arbitrary';
import { APPLICATION_CONTEXT_NAME, MECHANISM_NAME } from './names';

function encode(v: Aare): string {
  const w = new ByteWriter();
  encodeAare(w, v);
  return toHex(w.finish());
}

describe('AARE', () => {
  it('decodes the recorded accepting AARE field by field and re-encodes it (c_hdlc_none.trace line 13)', () => {
    // 61 29; A1 09 … LN; A2 03 02 01 00 result accepted; A3 05 A1 03 02 01 00 acse-service-user null;
    // BE 10 04 0E 08 00 06 5F1F0400000018 0200 0007 InitiateResponse
    const bytes = recordedApdu('c_hdlc_none.trace', 13).bytes;
    expect(toHex(bytes)).to.equal('6129A109060760857405080101A203020100A305A103020100BE10040E0800065F1F040000001802000007');
    const aare = decodeAare(new ByteReader(bytes));
    expect(aare).to.deep.equal({
      type: 'aare',
      applicationContextName: APPLICATION_CONTEXT_NAME['logical-name'],
      result: 'accepted',
      resultSourceDiagnostic: { source: 'acse-service-user', diagnostic: 'null' },
      userInformation: {
        raw: fromHex('0800065F1F040000001802000007'),
        apdu: { type: 'initiate-response', negotiatedDlmsVersionNumber: 6, negotiatedConformance: ['get', 'set'], serverMaxReceivePduSize: 512, vaaName: 7 },
      },
    });
    expect(encode(aare)).to.equal(toHex(bytes));
  });

  it('decodes the recorded HLS-GMAC AARE: authentication-required, server system title and challenge (c_wrapper_gmac.trace line 13)', () => {
    // A3 05 A1 03 02 01 0E authentication-required; A4 0A 04 08 "ABCDEFGH" responding-AP-title; 88 02 07 80;
    // 89 07 … mechanism gmac; AA 12 80 10 <16-byte StoC>; BE 23 04 21 28 1F … glo-initiate-response
    const bytes = recordedApdu('c_wrapper_gmac.trace', 13).bytes;
    const aare = decodeAare(new ByteReader(bytes));
    expect(aare.result).to.equal('accepted');
    expect(aare.resultSourceDiagnostic).to.deep.equal({ source: 'acse-service-user', diagnostic: 'authentication-required' });
    expect(aare.respondingApTitle).to.deep.equal(fromHex('4142434445464748'));
    expect(aare.responderAcseRequirements).to.deep.equal(bitStringOf(1, [0]));
    expect(aare.mechanismName).to.equal(MECHANISM_NAME.gmac);
    expect(aare.respondingAuthenticationValue).to.deep.equal({ kind: 'charstring', value: fromHex('A05028140A0582412090482492C96432') });
    expect(aare.userInformation?.apdu?.type).to.equal('ciphered');
    expect(encode(aare)).to.equal(toHex(bytes));
  });

  it('decodes a rejection with an acse-service-provider diagnostic and a ConfirmedServiceError', () => {
    // A2 03 02 01 01 rejected-permanent; A3 05 A2 03 02 01 02 no-common-acse-version; BE 06 04 04 0E010601
    const hex = '611F A109060760857405080101 A203020101 A305A203020102 BE0604040E010601';
    const aare = decodeAare(new ByteReader(fromHex(hex)));
    expect(aare.result).to.equal('rejected-permanent');
    expect(aare.resultSourceDiagnostic).to.deep.equal({ source: 'acse-service-provider', diagnostic: 'no-common-acse-version' });
    expect(aare.userInformation?.apdu).to.deep.equal({
      type: 'confirmed-service-error',
      service: 'initiateError',
      error: { kind: 'initiate', value: 'dlms-version-too-low' },
    });
    expect(encode(aare)).to.equal(hex.replace(/ /g, ''));
  });

  it('keeps a result or diagnostic the tables do not name as its number', () => {
    const aare = decodeAare(new ByteReader(fromHex('6117 A109060760857405080101 A203020105 A305A103020163')));
    expect([aare.result, aare.resultSourceDiagnostic.diagnostic]).to.deep.equal([5, 99]);
  });

  it('refuses a diagnostic that is neither acse-service-user nor acse-service-provider', () => {
    const e = decodeErrorOf(() => decodeAare(new ByteReader(fromHex('6117 A109060760857405080101 A203020100 A305A3030201 00'))));
    expect([e.code, e.offset]).to.deep.equal(['ACSE_BAD_DIAGNOSTIC', 20]);
  });

  it('refuses an AARE without result or diagnostic', () => {
    expect(decodeErrorOf(() => decodeAare(new ByteReader(fromHex('610B A109060760857405080101')))).code).to.equal('ACSE_MISSING_FIELD');
  });

  it('refuses a non-minimal INTEGER in the result', () => {
    expect(decodeErrorOf(() => decodeAare(new ByteReader(fromHex('6117 A109060760857405080101 A20402020000 A305A103020100')))).code).to.equal(
      'BER_INTEGER_NOT_MINIMAL',
    );
  });

  it('round-trips every AARE', () => {
    fc.assert(
      fc.property(arbAare(), (aare) => {
        const w = new ByteWriter();
        encodeAare(w, aare);
        expect(decodeAare(new ByteReader(w.finish()))).to.deep.equal(aare);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
