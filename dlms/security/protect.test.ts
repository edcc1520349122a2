import { expect } from 'chai';
import fc from 'fast-check';
import { DecodeError } from '../bytes/decode-error';
import { fromHex, toHex } from '../bytes/hex';
import { type GeneralCiphering, decodeCipheredApduBytes } from './ciphered-apdu';
import { CIPHERED_TAGS } from './ciphered-tags';
import { securityControl } from './control';
import { agreeKey, eccPublicKey } from './ecc';
import { keyFromBytes, keyFromHex } from './key';
import { wrapKey } from './key-wrap';
import { type SecurityContext, protectApdu, protectGeneralCiphering, signApdu, unprotectApdu } from './protect';
import { SECURITY_SUITES } from './suite';
import { thrownBy } from '../../test/helpers/thrown';

const errorOf = (fn: () => unknown): DecodeError => thrownBy(DecodeError, fn);

// security.yaml (DLMS UA suite 0 worked example): the client 4D4D4D0000BC614E sends a GET.
const clientTitle = fromHex('4D4D4D0000BC614E');
const serverTitle = fromHex('4D4D4D0000000001');
const getRequest = fromHex('C0010000080000010000FF0200');
const gloGetRequest = 'C81E3001234567411312FF935A47566827C467BC7D825C3BE4A77C3FCC056B6B';
const ek = keyFromHex('000102030405060708090A0B0C0D0E0F', 'security.yaml EK');
const ak = keyFromHex('D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF', 'security.yaml AK');

const clientCtx: SecurityContext = {
  suite: SECURITY_SUITES[0],
  securityControl: securityControl(0, 'authenticated-encrypted'),
  ownSystemTitle: clientTitle,
  peerSystemTitle: serverTitle,
  invocationCounter: 0x01234567,
  ek,
  ak,
};
const serverCtx: SecurityContext = { ...clientCtx, ownSystemTitle: serverTitle, peerSystemTitle: clientTitle };

describe('protectApdu / unprotectApdu', () => {
  it('builds the exact glo-get-request of the suite 0 worked example (security.yaml)', () => {
    expect(toHex(protectApdu(getRequest, clientCtx))).to.equal(gloGetRequest);
  });

  it('deciphers the worked example back to the GET request, with its header', () => {
    const u = unprotectApdu(fromHex(gloGetRequest), serverCtx);
    expect(toHex(u.plain)).to.equal(toHex(getRequest));
    expect([u.invocationCounter, u.invocationCounterOffset, toHex(u.systemTitle)]).to.deep.equal([0x01234567, 3, toHex(clientTitle)]);
  });

  it('uses the general-glo-ciphering envelope with the own system title when asked', () => {
    const bytes = protectApdu(getRequest, { ...clientCtx, envelope: 'general' });
    expect(toHex(bytes)).to.equal('DB084D4D4D0000BC614E1E3001234567411312FF935A47566827C467BC7D825C3BE4A77C3FCC056B6B');
    const { peerSystemTitle: _p, ...noPeer } = serverCtx;
    expect(toHex(unprotectApdu(bytes, noPeer).plain)).to.equal(toHex(getRequest));
  });

  it('uses ded- tags and general-ded-ciphering with the dedicated key', () => {
    const dedicatedKey = keyFromBytes(new Uint8Array(16).fill(9), 'dedicated');
    const ded = protectApdu(getRequest, { ...clientCtx, dedicated: true, dedicatedKey });
    expect(ded[0]).to.equal(0xd0);
    expect(toHex(unprotectApdu(ded, { ...serverCtx, dedicatedKey }).plain)).to.equal(toHex(getRequest));
    const general = protectApdu(getRequest, { ...clientCtx, dedicated: true, dedicatedKey, envelope: 'general' });
    expect(general[0]).to.equal(0xdc);
    expect(errorOf(() => unprotectApdu(general, serverCtx)).code).to.equal('SECURITY_KEY_MISSING');
  });

  it('names the tag byte when the tag, the key or the sender title is wrong', () => {
    const tampered = fromHex(gloGetRequest);
    tampered[tampered.length - 2]! ^= 4;
    expect(errorOf(() => unprotectApdu(tampered, serverCtx, 8))).to.include({ code: 'SECURITY_TAG_MISMATCH', offset: 8 + 20 });
    expect(errorOf(() => unprotectApdu(fromHex(gloGetRequest), { ...serverCtx, ek: keyFromBytes(new Uint8Array(16), 'zero') })).code).to.equal(
      'SECURITY_TAG_MISMATCH',
    );
    expect(errorOf(() => unprotectApdu(fromHex(gloGetRequest), { ...serverCtx, peerSystemTitle: serverTitle })).code).to.equal('SECURITY_TAG_MISMATCH');
  });

  it('refuses a general-glo-ciphering APDU from another system title than the peer', () => {
    const bytes = protectApdu(getRequest, { ...clientCtx, envelope: 'general' });
    expect(errorOf(() => unprotectApdu(bytes, { ...serverCtx, peerSystemTitle: fromHex('4D4D4D0000000002') }, 4))).to.include({
      code: 'SECURITY_SYSTEM_TITLE_MISMATCH',
      offset: 6,
    });
  });

  it('refuses a policy other than the agreed one, unless told to accept it', () => {
    const authOnly = protectApdu(getRequest, { ...clientCtx, securityControl: securityControl(0, 'authenticated') });
    expect(errorOf(() => unprotectApdu(authOnly, serverCtx))).to.include({ code: 'SECURITY_POLICY_MISMATCH', offset: 2 });
    expect(toHex(unprotectApdu(authOnly, { ...serverCtx, strictPolicy: false }).plain)).to.equal(toHex(getRequest));
  });

  it('refuses APDUs that have no service-specific ciphered form and need the general envelope', () => {
    expect(errorOf(() => protectApdu(fromHex('0F00000001000900'), clientCtx)).code).to.equal('SECURITY_NO_CIPHERED_FORM');
    expect(unprotectApdu(protectApdu(fromHex('0F00000001000900'), { ...clientCtx, envelope: 'general' }), serverCtx).plain[0]).to.equal(0x0f);
  });

  it('uses the broadcast key when the SC key-set bit says broadcast', () => {
    const broadcastKey = keyFromBytes(new Uint8Array(16).fill(3), 'broadcast');
    const sc = securityControl(0, 'authenticated-encrypted', { keySet: 'broadcast' });
    const bytes = protectApdu(getRequest, { ...clientCtx, securityControl: sc, broadcastKey });
    expect(bytes[2]).to.equal(0x70);
    expect(toHex(unprotectApdu(bytes, { ...serverCtx, securityControl: sc, broadcastKey }).plain)).to.equal(toHex(getRequest));
    expect(errorOf(() => unprotectApdu(bytes, serverCtx)).code).to.equal('SECURITY_KEY_MISSING');
  });

  it('round-trips any APDU under every envelope, keying and policy', () => {
    const arb = fc.record({
      tag: fc.constantFrom(...CIPHERED_TAGS.map((r) => r.plainTag)),
      body: fc.uint8Array({ maxLength: 200 }),
      policy: fc.constantFrom('authenticated' as const, 'encrypted' as const, 'authenticated-encrypted' as const),
      envelope: fc.constantFrom('service-specific' as const, 'general' as const),
      dedicated: fc.boolean(),
      ic: fc.integer({ min: 0, max: 0xffffffff }),
      suiteId: fc.constantFrom(0 as const, 2 as const),
    });
    fc.assert(
      fc.property(arb, ({ tag, body, policy, envelope, dedicated, ic, suiteId }) => {
        const suite = SECURITY_SUITES[suiteId];
        const key = (b: number) => keyFromBytes(new Uint8Array(suite.keyLength).fill(b), 'k');
        const base = {
          ...clientCtx,
          suite,
          ek: key(1),
          ak: key(2),
          dedicatedKey: key(3),
          securityControl: securityControl(suiteId, policy),
          invocationCounter: ic,
          envelope,
          dedicated,
        };
        const plain = Uint8Array.of(tag, ...body);
        const u = unprotectApdu(protectApdu(plain, base), { ...base, ownSystemTitle: serverTitle, peerSystemTitle: clientTitle });
        return toHex(u.plain) === toHex(plain) && u.invocationCounter === ic;
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});

describe('general-ciphering and general-signing', () => {
  const fields = { transactionId: fromHex('0000000000000001'), recipientSystemTitle: serverTitle };

  it('protects with an identified key and authenticates the header fields', () => {
    const bytes = protectGeneralCiphering(getRequest, clientCtx, { ...fields, keyInfo: { type: 'identified-key', keyId: 'global-unicast-encryption-key' } });
    expect(toHex(unprotectApdu(bytes, serverCtx).plain)).to.equal(toHex(getRequest));
    // Changing the transaction-id (bytes 2-9) breaks the tag, since it is part of the AAD.
    const tampered = bytes.slice();
    tampered[9]! ^= 1;
    expect(errorOf(() => unprotectApdu(tampered, serverCtx)).code).to.equal('SECURITY_TAG_MISMATCH');
  });

  it('carries a content key wrapped under the master key', () => {
    const kek = keyFromBytes(new Uint8Array(16).fill(0x4b), 'kek');
    const contentKey = keyFromBytes(new Uint8Array(16).fill(0x77), 'content');
    const keyInfo = { type: 'wrapped-key' as const, kekId: 'master-key' as const, keyCipheredData: wrapKey(kek, contentKey) };
    const bytes = protectGeneralCiphering(getRequest, { ...clientCtx, kek }, { ...fields, keyInfo });
    expect(toHex(unprotectApdu(bytes, { ...serverCtx, kek }).plain)).to.equal(toHex(getRequest));
    expect(errorOf(() => unprotectApdu(bytes, { ...serverCtx, kek: keyFromBytes(new Uint8Array(16), 'wrong') })).code).to.equal('SECURITY_KEY_UNWRAP_FAILED');
  });

  it('derives an agreed key through the resolver (suite 1, ECDH + KDF)', () => {
    const suite = SECURITY_SUITES[1];
    const clientEphemeral = keyFromBytes(new Uint8Array(32).fill(0x31), 'client ephemeral');
    const serverStatic = keyFromBytes(new Uint8Array(32).fill(0x52), 'server static');
    const key = agreeKey(suite, clientEphemeral, eccPublicKey(suite, serverStatic), clientTitle, serverTitle);
    const ctx = {
      ...clientCtx,
      suite,
      securityControl: securityControl(1, 'authenticated-encrypted'),
      ek: key,
      ak: keyFromBytes(new Uint8Array(16).fill(5), 'ak'),
    };
    const keyInfo = { type: 'agreed-key' as const, keyParameters: Uint8Array.of(1), keyCipheredData: eccPublicKey(suite, clientEphemeral) };
    const bytes = protectGeneralCiphering(getRequest, { ...ctx, agreedKey: () => key }, { ...fields, keyInfo });
    const resolver = (info: { keyCipheredData: Uint8Array }, apdu: GeneralCiphering) =>
      agreeKey(suite, serverStatic, info.keyCipheredData, apdu.originatorSystemTitle, apdu.recipientSystemTitle);
    const u = unprotectApdu(bytes, { ...ctx, ownSystemTitle: serverTitle, peerSystemTitle: clientTitle, agreedKey: resolver });
    expect(toHex(u.plain)).to.equal(toHex(getRequest));
  });

  it('signs with general-signing and verifies with the peer key; a flipped content byte fails', () => {
    const suite = SECURITY_SUITES[1];
    const signer = keyFromBytes(new Uint8Array(32).fill(0x61), 'client signing');
    const header = {
      transactionId: fromHex('01'),
      originatorSystemTitle: clientTitle,
      recipientSystemTitle: serverTitle,
      dateTime: new Uint8Array(0),
      otherInformation: new Uint8Array(0),
    };
    const bytes = signApdu(getRequest, suite, signer, header);
    const verifier = { ...serverCtx, suite, peerSigningKey: eccPublicKey(suite, signer) };
    expect(toHex(unprotectApdu(bytes, verifier).plain)).to.equal(toHex(getRequest));
    expect(decodeCipheredApduBytes(bytes)).to.deep.include({ type: 'general-signing' });
    const tampered = bytes.slice();
    tampered[tampered.length - 66]! ^= 1;
    expect(errorOf(() => unprotectApdu(tampered, verifier)).code).to.equal('SECURITY_BAD_SIGNATURE');
  });
});
