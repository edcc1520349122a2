import { expect } from 'chai';
import fc from 'fast-check';
import { fromHex, toHex } from '../bytes';
import { decodeApduBytes, encodeApduBytes } from './apdu';
import { arbCiphered } from '../../test/support/dlms/xdlms/arbitrary';
import { decodeErrorOf, expectRoundTrip, expectVector, recordedApdu } from '../../test/support/dlms/xdlms/test-support';

describe('ciphered APDUs, carried opaquely', () => {
  it('frames the glo-get-request of the DLMS UA suite 0 example (test/vectors/security.yaml)', () => {
    // C8 glo-get-request, 1E length 30: 30 security control, 01234567 invocation counter, ciphertext, 12-byte tag
    const hex = 'C81E3001234567411312FF935A47566827C467BC7D825C3BE4A77C3FCC056B6B';
    expectVector(hex, { type: 'ciphered', tag: 'glo-get-request', content: fromHex(hex).subarray(2) });
  });

  it('frames the general-glo-ciphering the recorded GMAC client sends (c_wrapper_gmac.trace line 16)', () => {
    // DB, 08 system title "Gurux123", 1E ciphered content: 30 security control, 00000A59 invocation counter, …
    const rec = recordedApdu('c_wrapper_gmac.trace', 16);
    const apdu = decodeApduBytes(rec.bytes);
    if (apdu.type !== 'ciphered' || apdu.tag !== 'general-glo-ciphering') throw new Error(apdu.type);
    expect(toHex(apdu.systemTitle)).to.equal('4775727578313233');
    expect(apdu.content.length).to.equal(0x1e);
    expect(toHex(apdu.content.subarray(0, 5))).to.equal('3000000A59');
    expect(encodeApduBytes(apdu)).to.deep.equal(rec.bytes);
  });

  it('frames a general-ciphering with an identified key', () => {
    // DD, 01 transaction-id 01, 00 no originator, 00 no recipient, 00 date-time, 00 other-information,
    // 01 key-info present, 00 identified-key, 00 global-unicast-encryption-key, 02 content
    expectVector('DD 0101 00 00 00 00 01 00 00 02 AABB', {
      type: 'ciphered',
      tag: 'general-ciphering',
      transactionId: fromHex('01'),
      originatorSystemTitle: fromHex(''),
      recipientSystemTitle: fromHex(''),
      dateTime: fromHex(''),
      otherInformation: fromHex(''),
      keyInfo: { kind: 'identified-key', keyId: 'global-unicast-encryption-key' },
      content: fromHex('AABB'),
    });
  });

  it('frames a general-signing', () => {
    expectVector('DF 00 00 00 00 00 02 C001 01 FF', {
      type: 'ciphered',
      tag: 'general-signing',
      transactionId: fromHex(''),
      originatorSystemTitle: fromHex(''),
      recipientSystemTitle: fromHex(''),
      dateTime: fromHex(''),
      otherInformation: fromHex(''),
      content: fromHex('C001'),
      signature: fromHex('FF'),
    });
  });

  it('refuses an unknown key-info alternative', () => {
    const e = decodeErrorOf(() => decodeApduBytes(fromHex('DD 00 00 00 00 00 01 05')));
    expect([e.code, e.offset]).to.deep.equal(['XDLMS_UNKNOWN_CHOICE', 7]);
  });

  it('round-trips every ciphered form', () => {
    fc.assert(fc.property(arbCiphered(), expectRoundTrip), { seed: 42, numRuns: 300 });
  });
});
