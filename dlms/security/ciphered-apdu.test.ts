import { expect } from 'chai';
import fc from 'fast-check';
import { DecodeError } from '../bytes/decode-error';
import { fromHex, toHex } from '../bytes/hex';
import { type CipheredApdu, type KeyInfo, decodeCipheredApduBytes, encodeCipheredApduBytes } from './ciphered-apdu';
import { CIPHERED_TAGS, cipheredTagFor, isProtectedTag, serviceSpecificTag } from './ciphered-tags';
import { SERVICE_CIPHERED_TAG } from '../xdlms/ciphered';
import { decodeSecurityControl } from './control';
import { thrownBy } from '../../test/helpers/thrown';

const errorOf = (fn: () => unknown): DecodeError => thrownBy(DecodeError, fn);

describe('ciphered APDU tags (Green Book 9.5)', () => {
  it('maps each plain tag to its glo- and ded- tag and back', () => {
    expect([cipheredTagFor(0xc0, 'glo'), cipheredTagFor(0xc0, 'ded')]).to.deep.equal([0xc8, 0xd0]);
    expect([cipheredTagFor(0xc4, 'glo'), cipheredTagFor(0xc4, 'ded')]).to.deep.equal([0xcc, 0xd4]);
    expect([cipheredTagFor(0xc3, 'glo'), cipheredTagFor(0xc7, 'ded')]).to.deep.equal([0xcb, 0xd7]);
    expect([cipheredTagFor(0x01, 'glo'), cipheredTagFor(0x01, 'ded'), cipheredTagFor(0x08, 'glo'), cipheredTagFor(0x08, 'ded')]).to.deep.equal([
      0x21, 0x41, 0x28, 0x48,
    ]);
    for (const row of CIPHERED_TAGS) {
      expect(serviceSpecificTag(row.glo)).to.deep.equal({ row, keying: 'glo' });
      expect(serviceSpecificTag(row.ded)).to.deep.equal({ row, keying: 'ded' });
    }
  });

  it('names every service-specific tag the xDLMS codec frames', () => {
    for (const tag of Object.values(SERVICE_CIPHERED_TAG)) expect(serviceSpecificTag(tag), `0x${tag.toString(16)}`).to.not.equal(undefined);
    expect(Object.keys(SERVICE_CIPHERED_TAG)).to.have.length(CIPHERED_TAGS.length * 2);
  });

  it('knows no service-specific form for data-notification, exception-response or access', () => {
    for (const tag of [0x0f, 0xd8, 0xd9, 0xda]) expect(cipheredTagFor(tag, 'glo')).to.equal(undefined);
    expect([isProtectedTag(0xdb), isProtectedTag(0xdf), isProtectedTag(0xc0)]).to.deep.equal([true, true, false]);
  });
});

describe('ciphered APDU envelopes', () => {
  // security.yaml: glo-get-request C8, length 0x1E, SC 30, IC 01234567, ciphertext, 12-byte tag.
  const gloGet = 'C81E3001234567411312FF935A47566827C467BC7D825C3BE4A77C3FCC056B6B';
  const gloGetValue: CipheredApdu = {
    type: 'service-specific',
    keying: 'glo',
    plainTag: 0xc0,
    content: {
      securityControl: decodeSecurityControl(0x30),
      invocationCounter: 0x01234567,
      information: fromHex('411312FF935A47566827C467BC7D825C3BE4A77C3FCC056B6B'),
    },
  };

  it('decodes and encodes the glo-get-request of the suite 0 worked example', () => {
    expect(decodeCipheredApduBytes(fromHex(gloGet))).to.deep.equal(gloGetValue);
    expect(toHex(encodeCipheredApduBytes(gloGetValue))).to.equal(gloGet);
  });

  // c_wrapper_gmac.trace, C2S frame 5 after the 8-byte wrapper header: DB, system title
  // 08 4775727578313233, length 1E, SC 30, IC 00000A59, ciphertext and tag.
  const generalGlo = 'DB0847757275783132331E3000000A5991ADE8930949C5BCBE4F23B6FDFD7FCDB361FFA0BBEA084FE2';

  it('decodes and encodes a recorded general-glo-ciphering APDU', () => {
    const apdu = decodeCipheredApduBytes(fromHex(generalGlo));
    expect(apdu).to.deep.include({ type: 'general-glo-ciphering', systemTitle: fromHex('4775727578313233') });
    if (apdu.type !== 'general-glo-ciphering') throw new Error('type');
    expect(apdu.content.invocationCounter).to.equal(0x0a59);
    expect(toHex(encodeCipheredApduBytes(apdu))).to.equal(generalGlo);
  });

  it('lays out general-ciphering field by field with an identified key (ASN.1 General-Ciphering)', () => {
    const hex =
      'DD' +
      '08 0102030405060708' + // transaction-id
      '08 4D4D4D0000BC614E' + // originator-system-title
      '08 4D4D4D0000000001' + // recipient-system-title
      '00' + // date-time: absent (empty)
      '00' + // other-information: empty
      '01 00 00' + // key-info present, [0] identified-key, key-id global-unicast-encryption-key
      '07 3100000001 AABB'; // ciphered-content: SC 31, IC 1, two bytes
    const apdu = decodeCipheredApduBytes(fromHex(hex));
    expect(apdu).to.deep.include({ type: 'general-ciphering', keyInfo: { type: 'identified-key', keyId: 'global-unicast-encryption-key' } });
    expect(toHex(encodeCipheredApduBytes(apdu))).to.equal(hex.replace(/ /g, ''));
  });

  it('lays out general-signing as the five header fields, content and signature', () => {
    const hex = 'DF 00 08 4D4D4D0000BC614E 00 00 00 03 C00100 02 ABCD';
    const apdu = decodeCipheredApduBytes(fromHex(hex));
    expect(apdu).to.deep.include({ type: 'general-signing', content: fromHex('C00100'), signature: fromHex('ABCD') });
    expect(toHex(encodeCipheredApduBytes(apdu))).to.equal(hex.replace(/ /g, ''));
  });

  it('refuses what is not a protected APDU, unknown key-info and trailing bytes with stable codes', () => {
    expect(errorOf(() => decodeCipheredApduBytes(fromHex('C0010000080000010000FF0200')))).to.include({ code: 'SECURITY_NOT_CIPHERED', offset: 0 });
    expect(errorOf(() => decodeCipheredApduBytes(fromHex('DD 00 00 00 00 00 01 07 00 05 3000000001'), 10))).to.include({
      code: 'SECURITY_UNKNOWN_KEY_INFO',
      offset: 17,
    });
    expect(errorOf(() => decodeCipheredApduBytes(fromHex('DD 00 00 00 00 00 01 00 05 05 3000000001')))).to.include({
      code: 'SECURITY_UNKNOWN_KEY_INFO',
      offset: 8,
    });
    expect(errorOf(() => decodeCipheredApduBytes(fromHex('DD 00 00 00 00 00 02'))).code).to.equal('SECURITY_UNKNOWN_KEY_INFO');
    expect(errorOf(() => decodeCipheredApduBytes(fromHex(gloGet + '00')))).to.include({ code: 'TRAILING_BYTES', offset: 32 });
    expect(errorOf(() => decodeCipheredApduBytes(fromHex('C8043001234567'))).code).to.equal('TRUNCATED');
    expect(errorOf(() => decodeCipheredApduBytes(fromHex('C81E30')))).to.include({ code: 'TRUNCATED' });
    expect(errorOf(() => encodeCipheredApduBytes({ ...gloGetValue, plainTag: 0x0f })).code).to.equal('SECURITY_NO_CIPHERED_FORM');
  });

  it('round-trips every envelope', () => {
    const bytes = (max = 40) => fc.uint8Array({ maxLength: max });
    const content = fc.record({
      securityControl: fc.integer({ min: 0, max: 255 }).map(decodeSecurityControl),
      invocationCounter: fc.integer({ min: 0, max: 0xffffffff }),
      information: bytes(200),
    });
    const header = { transactionId: bytes(), originatorSystemTitle: bytes(), recipientSystemTitle: bytes(), dateTime: bytes(), otherInformation: bytes() };
    const keyInfo: fc.Arbitrary<KeyInfo> = fc.oneof(
      fc.record({
        type: fc.constant('identified-key' as const),
        keyId: fc.constantFrom('global-unicast-encryption-key' as const, 'global-broadcast-encryption-key' as const),
      }),
      fc.record({ type: fc.constant('wrapped-key' as const), kekId: fc.constant('master-key' as const), keyCipheredData: bytes() }),
      fc.record({ type: fc.constant('agreed-key' as const), keyParameters: bytes(2), keyCipheredData: bytes(130) }),
    );
    const apdu: fc.Arbitrary<CipheredApdu> = fc.oneof(
      fc.record({
        type: fc.constant('service-specific' as const),
        keying: fc.constantFrom('glo' as const, 'ded' as const),
        plainTag: fc.constantFrom(...CIPHERED_TAGS.map((r) => r.plainTag)),
        content,
      }),
      fc.record({ type: fc.constantFrom('general-glo-ciphering' as const, 'general-ded-ciphering' as const), systemTitle: bytes(8), content }),
      fc.record(
        { type: fc.constant('general-ciphering' as const), ...header, keyInfo, content },
        { requiredKeys: ['type', 'transactionId', 'originatorSystemTitle', 'recipientSystemTitle', 'dateTime', 'otherInformation', 'content'] },
      ),
      fc.record({ type: fc.constant('general-signing' as const), ...header, content: bytes(200), signature: bytes(96) }),
    );
    fc.assert(
      fc.property(apdu, (a) => {
        expect(decodeCipheredApduBytes(encodeCipheredApduBytes(a))).to.deep.equal(a);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
