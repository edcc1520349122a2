import { expect } from 'chai';
import fc from 'fast-check';
import { ByteReader, ByteWriter, fromHex, toHex } from '../bytes';
import { bitStringOf } from '../ber';
import { decodeErrorOf, recordedApdu } from '../../test/support/dlms/xdlms/test-support';
import { RECORDED_INITIATE_REQUEST } from '../../test/vectors/fixtures';
import { arbAarq } from '../../test/support/dlms/acse/arbitrary';
import { decodeAarq, encodeAarq, type Aarq } from './aarq';
import { APPLICATION_CONTEXT_NAME, MECHANISM_NAME } from './names';

function encode(v: Aarq): string {
  const w = new ByteWriter();
  encodeAarq(w, v);
  return toHex(w.finish());
}

describe('AARQ', () => {
  it('decodes the recorded no-security AARQ field by field and re-encodes it (c_hdlc_none.trace line 12)', () => {
    // 60 1D AARQ; A1 09 06 07 60857405080101 application-context-name LN;
    // BE 10 04 0E user-information: 01 00 00 00 06 5F1F0400401E1D FFFF InitiateRequest
    const bytes = recordedApdu('c_hdlc_none.trace', 12).bytes;
    expect(toHex(bytes)).to.equal('601DA109060760857405080101BE10040E01000000065F1F0400401E1DFFFF');
    const aarq = decodeAarq(new ByteReader(bytes));
    expect(aarq).to.deep.equal({
      type: 'aarq',
      applicationContextName: APPLICATION_CONTEXT_NAME['logical-name'],
      userInformation: {
        raw: fromHex('01000000065F1F0400401E1DFFFF'),
        apdu: RECORDED_INITIATE_REQUEST,
      },
    });
    expect(encode(aarq)).to.equal(toHex(bytes));
  });

  it('decodes the recorded HLS-GMAC AARQ with every field it carries (c_wrapper_gmac.trace line 12)', () => {
    // A1 … 60857405080103 LN with ciphering; A6 0A 04 08 "Gurux123" calling-AP-title; 8A 02 07 80 sender-acse-requirements
    // {authentication}; 8B 07 60857405080205 mechanism gmac; AC 12 80 10 <16-byte challenge> calling-authentication-value;
    // BE 23 04 21 21 1F … glo-initiate-request
    const bytes = recordedApdu('c_wrapper_gmac.trace', 12).bytes;
    const aarq = decodeAarq(new ByteReader(bytes));
    expect(aarq.applicationContextName).to.equal(APPLICATION_CONTEXT_NAME['logical-name-with-ciphering']);
    expect(aarq.callingApTitle).to.deep.equal(fromHex('4775727578313233'));
    expect(aarq.senderAcseRequirements).to.deep.equal(bitStringOf(1, [0]));
    expect(aarq.mechanismName).to.equal(MECHANISM_NAME.gmac);
    expect(aarq.callingAuthenticationValue).to.deep.equal({ kind: 'charstring', value: fromHex('70389CCE67B359AC56AB552A158A4522') });
    const ui = aarq.userInformation;
    expect(ui?.apdu?.type).to.equal('ciphered');
    if (ui?.apdu?.type === 'ciphered') expect(ui.apdu.tag).to.equal('glo-initiate-request');
    expect(Object.keys(aarq)).to.deep.equal([
      'type',
      'applicationContextName',
      'callingApTitle',
      'senderAcseRequirements',
      'mechanismName',
      'callingAuthenticationValue',
      'userInformation',
    ]);
    expect(encode(aarq)).to.equal(toHex(bytes));
  });

  it('writes every field in tag order, with invocation ids as BER INTEGERs', () => {
    const hex = encode({
      type: 'aarq',
      protocolVersion: bitStringOf(1, [0]),
      applicationContextName: APPLICATION_CONTEXT_NAME['short-name'],
      calledApTitle: fromHex('01'),
      calledAeQualifier: fromHex('02'),
      calledApInvocationId: 3,
      calledAeInvocationId: -1,
      callingApTitle: fromHex('05'),
      callingAeQualifier: fromHex('06'),
      callingApInvocationId: 128,
      callingAeInvocationId: 8,
      senderAcseRequirements: bitStringOf(1, [0]),
      mechanismName: MECHANISM_NAME.low,
      callingAuthenticationValue: { kind: 'charstring', value: fromHex('3132') },
      implementationInformation: fromHex('41'),
    });
    expect(hex).to.equal(
      '604E' +
        '80020780' + // protocol-version version1
        'A109060760857405080102' + // application-context-name SN
        'A203040101' + // called-AP-title
        'A303040102' + // called-AE-qualifier
        'A403020103' + // called-AP-invocation-id
        'A5030201FF' + // called-AE-invocation-id -1
        'A603040105' + // calling-AP-title
        'A703040106' + // calling-AE-qualifier
        'A80402020080' + // calling-AP-invocation-id 128
        'A903020108' + // calling-AE-invocation-id
        '8A020780' + // sender-acse-requirements
        '8B0760857405080201' + // mechanism-name low
        'AC0480023132' + // calling-authentication-value charstring "12"
        '9D0141', // implementation-information
    );
    expect(decodeAarq(new ByteReader(fromHex(hex))).callingApInvocationId).to.equal(128);
  });

  it('keeps a field with an unknown tag number and writes it back at its place', () => {
    // [13] primitive 01 AA, between mechanism-name [11] and user-information [30]
    const hex = '6017 A109060760857405080101 8B0760857405080200 8D01AA';
    const aarq = decodeAarq(new ByteReader(fromHex(hex)));
    expect(aarq.unknownFields).to.deep.equal([{ tag: { cls: 'context', constructed: false, number: 13 }, value: fromHex('AA') }]);
    expect(encode(aarq)).to.equal(hex.replace(/ /g, ''));
  });

  it('refuses fields out of order or repeated, naming the offending field', () => {
    const e = decodeErrorOf(() => decodeAarq(new ByteReader(fromHex('6014 8B0760857405080200 A109060760857405080101'))));
    expect([e.code, e.offset]).to.deep.equal(['ACSE_FIELD_ORDER', 11]);
    expect(decodeErrorOf(() => decodeAarq(new ByteReader(fromHex('6016 A109060760857405080101 A109060760857405080101')))).code).to.equal('ACSE_FIELD_ORDER');
  });

  it('refuses an AARQ without application-context-name', () => {
    expect(decodeErrorOf(() => decodeAarq(new ByteReader(fromHex('6009 8B0760857405080200')))).code).to.equal('ACSE_MISSING_FIELD');
  });

  it('refuses a field in the wrong form (IMPLICIT where EXPLICIT is required)', () => {
    const e = decodeErrorOf(() => decodeAarq(new ByteReader(fromHex('6009 8107 60857405080101'))));
    expect([e.code, e.offset]).to.deep.equal(['ACSE_BAD_FIELD_FORM', 2]);
  });

  it('refuses a non-context element inside the AARQ', () => {
    expect(decodeErrorOf(() => decodeAarq(new ByteReader(fromHex('6003 040100')))).code).to.equal('ACSE_UNEXPECTED_ELEMENT');
  });

  it('refuses another APDU tag', () => {
    expect(decodeErrorOf(() => decodeAarq(new ByteReader(fromHex('6100')))).code).to.equal('BER_UNEXPECTED_TAG');
  });

  it('keeps undecodable user-information raw, with the located reason', () => {
    // BE 04 04 02 01 00: an InitiateRequest cut after its second byte
    const aarq = decodeAarq(new ByteReader(fromHex('6011 A109060760857405080101 BE0404020100'), 100));
    expect(aarq.userInformation?.raw).to.deep.equal(fromHex('0100'));
    expect(aarq.userInformation?.apdu).to.equal(undefined);
    expect(aarq.userInformation?.error?.code).to.equal('TRUNCATED');
    expect(aarq.userInformation?.error?.offset).to.equal(119); // response-allowed, the first missing byte, in AARQ offsets
    expect(encode(aarq)).to.equal('6011A109060760857405080101BE0404020100');
  });

  it('round-trips every AARQ', () => {
    fc.assert(
      fc.property(arbAarq(), (aarq) => {
        const w = new ByteWriter();
        encodeAarq(w, aarq);
        const r = new ByteReader(w.finish());
        expect(decodeAarq(r)).to.deep.equal(aarq);
        expect(r.done).to.equal(true);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
