import { expect } from 'chai';
import { fromHex } from '../bytes/hex';
import { decodeCipheredApduBytes } from './ciphered-apdu';
import { securityControl } from './control';
import { agreeKey, eccPublicKey, ecdsaVerify, ONE_PASS_DIFFIE_HELLMAN } from './ecc';
import { keyFromHex } from './key';
import { unwrapKey } from './key-wrap';
import { protectGeneralCiphering, unprotectApdu, type SecurityContext } from './protect';
import { SECURITY_SUITES } from './suite';
import { agreedKeyOf, conveyKey } from './convey-key';

// The KEK and EK are test values; the ECC scalars are the simulator's development keys (simulator/secrets.ts).
const KEK = keyFromHex('000102030405060708090A0B0C0D0E0F', 'test KEK');
const EK = keyFromHex('101112131415161718191A1B1C1D1E1F', 'test EK');
const CLIENT_ECC = keyFromHex('BFE20125A8704B13964E39682166F924E57935B6F46C541C036DCF753BBA979F', 'test client ECC key');
const SERVER_ECC = keyFromHex('FFBF9EF9693EF0C94975DB95901742ABBAE465A3CFF768906CC8D44878E0A511', 'test server ECC key');
const CLIENT_TITLE = fromHex('4443540000000001');
const SERVER_TITLE = fromHex('444C4D0000000001');
const GET = fromHex('C001C100080000010000FF0200');

describe('general-ciphering key conveyed by the client', () => {
  it('wraps a fresh suite-0 key with the master key, which unwraps to the key it ciphers with', () => {
    const c = conveyKey({
      suite: SECURITY_SUITES[0],
      masterKey: KEK,
      signingKey: undefined,
      serverPublicKey: undefined,
      originatorSystemTitle: CLIENT_TITLE,
      recipientSystemTitle: SERVER_TITLE,
    });
    expect(c.keyInfo.type).to.equal('wrapped-key');
    if (c.keyInfo.type !== 'wrapped-key') return;
    expect(unwrapKey(KEK, c.keyInfo.keyCipheredData, 'test').reveal()).to.deep.equal(c.key.reveal());
  });

  it('agrees a suite-1 key by One-Pass Diffie-Hellman that the server derives from its static key and the signed ephemeral key', () => {
    const suite = SECURITY_SUITES[1];
    const c = conveyKey({
      suite,
      masterKey: undefined,
      signingKey: CLIENT_ECC,
      serverPublicKey: eccPublicKey(suite, SERVER_ECC),
      originatorSystemTitle: CLIENT_TITLE,
      recipientSystemTitle: SERVER_TITLE,
    });
    expect(c.keyInfo.type).to.equal('agreed-key');
    if (c.keyInfo.type !== 'agreed-key') return;
    expect(c.keyInfo.keyParameters).to.deep.equal(Uint8Array.of(ONE_PASS_DIFFIE_HELLMAN));
    expect(c.keyInfo.keyCipheredData.length).to.equal(128);
    const q = c.keyInfo.keyCipheredData.subarray(0, 64);
    expect(ecdsaVerify(suite, eccPublicKey(suite, CLIENT_ECC), q, c.keyInfo.keyCipheredData.subarray(64))).to.equal(true);
    expect(agreeKey(suite, SERVER_ECC, q, CLIENT_TITLE, SERVER_TITLE).reveal()).to.deep.equal(c.key.reveal());
  });

  it('lets the recipient derive the agreed key, and refuses an unsigned ephemeral key or other key-parameters exactly', () => {
    const suite = SECURITY_SUITES[1];
    const c = conveyKey({
      suite,
      masterKey: undefined,
      signingKey: CLIENT_ECC,
      serverPublicKey: eccPublicKey(suite, SERVER_ECC),
      originatorSystemTitle: CLIENT_TITLE,
      recipientSystemTitle: SERVER_TITLE,
    });
    if (c.keyInfo.type !== 'agreed-key') throw new Error('expected agreed-key');
    const info = c.keyInfo;
    const clientPublic = eccPublicKey(suite, CLIENT_ECC);
    expect(agreedKeyOf(suite, SERVER_ECC, clientPublic, info, CLIENT_TITLE, SERVER_TITLE).reveal()).to.deep.equal(c.key.reveal());
    const broken = info.keyCipheredData.slice();
    broken[127] = broken[127]! ^ 1;
    expect(() => agreedKeyOf(suite, SERVER_ECC, clientPublic, { ...info, keyCipheredData: broken }, CLIENT_TITLE, SERVER_TITLE))
      .to.throw()
      .with.property('code', 'SECURITY_BAD_SIGNATURE');
    expect(() => agreedKeyOf(suite, SERVER_ECC, clientPublic, { ...info, keyParameters: Uint8Array.of(2) }, CLIENT_TITLE, SERVER_TITLE))
      .to.throw()
      .with.property('code', 'SECURITY_BAD_KEY_DATA');
    expect(() => agreedKeyOf(suite, SERVER_ECC, clientPublic, { ...info, keyCipheredData: broken.subarray(0, 64) }, CLIENT_TITLE, SERVER_TITLE))
      .to.throw()
      .with.property('code', 'SECURITY_BAD_KEY_DATA');
  });

  it('protects an APDU the server deciphers with the key the key-info conveys', () => {
    const suite = SECURITY_SUITES[0];
    const c = conveyKey({
      suite,
      masterKey: KEK,
      signingKey: undefined,
      serverPublicKey: undefined,
      originatorSystemTitle: CLIENT_TITLE,
      recipientSystemTitle: SERVER_TITLE,
    });
    const ctx: SecurityContext = {
      suite,
      securityControl: securityControl(0, 'authenticated-encrypted'),
      ownSystemTitle: CLIENT_TITLE,
      invocationCounter: 7,
      ek: EK,
      ak: EK,
      kek: KEK,
    };
    const bytes = protectGeneralCiphering(GET, ctx, {
      transactionId: fromHex('0102030405060708'),
      recipientSystemTitle: SERVER_TITLE,
      keyInfo: c.keyInfo,
      contentKey: c.key,
    });
    expect(bytes[0]).to.equal(0xdd);
    expect(decodeCipheredApduBytes(bytes)).to.deep.include({ type: 'general-ciphering', keyInfo: c.keyInfo });
    expect(unprotectApdu(bytes, { ...ctx, ownSystemTitle: SERVER_TITLE, peerSystemTitle: CLIENT_TITLE }).plain).to.deep.equal(GET);
  });

  it('refuses to convey a key without the master key (suite 0) or without the signing key (suites 1, 2)', () => {
    const base = { serverPublicKey: undefined, originatorSystemTitle: CLIENT_TITLE, recipientSystemTitle: SERVER_TITLE };
    expect(() => conveyKey({ ...base, suite: SECURITY_SUITES[0], masterKey: undefined, signingKey: undefined }))
      .to.throw()
      .with.property('code', 'SECURITY_KEY_MISSING');
    expect(() => conveyKey({ ...base, suite: SECURITY_SUITES[1], masterKey: KEK, signingKey: undefined }))
      .to.throw()
      .with.property('code', 'SECURITY_KEY_MISSING');
  });
});
