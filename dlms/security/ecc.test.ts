import { expect } from 'chai';
import fc from 'fast-check';
import { DecodeError } from '../bytes/decode-error';
import { concatBytes, fromHex, toHex } from '../bytes/hex';
import { agreeKey, concatKdf, ecdhSharedSecret, ecdsaSign, ecdsaVerify, eccPublicKey } from './ecc';
import { keyFromBytes, keyFromHex } from './key';
import { SECURITY_SUITES } from './suite';
import { thrownBy } from '../../test/helpers/thrown';

const errorOf = (fn: () => unknown): DecodeError => thrownBy(DecodeError, fn);

const suite1 = SECURITY_SUITES[1];
const suite2 = SECURITY_SUITES[2];

describe('ECC for suites 1 and 2 (Green Book 9.2.3.4)', () => {
  // RFC 6979 A.2.5: the P-256 key pair and the SHA-256 signature of "sample".
  const d = keyFromHex('C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721', 'rfc6979 A.2.5');
  const q = fromHex('60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6' + '7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299');
  const sample = new TextEncoder().encode('sample');
  const rfcSignature = fromHex(
    'EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716' + 'F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8',
  );

  it('derives the public key x || y of a private scalar (RFC 6979 A.2.5)', () => {
    expect(toHex(eccPublicKey(suite1, d))).to.equal(toHex(q));
  });

  it('verifies the RFC 6979 signature given as r || s, and refuses it after one bit flips', () => {
    expect(ecdsaVerify(suite1, q, sample, rfcSignature)).to.equal(true);
    const bad = rfcSignature.slice();
    bad[10]! ^= 1;
    expect(ecdsaVerify(suite1, q, sample, bad)).to.equal(false);
    expect(ecdsaVerify(suite1, concatBytes(Uint8Array.of(4), q), sample, rfcSignature)).to.equal(true);
  });

  it('signs as r || s of 64 bytes on P-256 and 96 bytes on P-384, verifiable by the public key', () => {
    const s1 = ecdsaSign(suite1, d, sample);
    expect(s1.length).to.equal(64);
    expect(ecdsaVerify(suite1, q, sample, s1)).to.equal(true);
    const d2 = keyFromBytes(new Uint8Array(48).fill(0x11), 'test');
    const s2 = ecdsaSign(suite2, d2, sample);
    expect(s2.length).to.equal(96);
    expect(ecdsaVerify(suite2, eccPublicKey(suite2, d2), sample, s2)).to.equal(true);
  });

  it('refuses malformed keys and signatures with stable codes', () => {
    expect(errorOf(() => ecdsaVerify(suite1, q, sample, rfcSignature.subarray(1))).code).to.equal('SECURITY_BAD_SIGNATURE_LENGTH');
    expect(errorOf(() => ecdsaVerify(suite1, q.subarray(1), sample, rfcSignature)).code).to.equal('SECURITY_BAD_PUBLIC_KEY');
    expect(errorOf(() => ecdsaVerify(suite1, new Uint8Array(64).fill(1), sample, rfcSignature)).code).to.equal('SECURITY_BAD_PUBLIC_KEY');
    expect(errorOf(() => eccPublicKey(suite1, keyFromBytes(new Uint8Array(31), 'x'))).code).to.equal('SECURITY_BAD_PRIVATE_KEY');
    expect(errorOf(() => ecdsaSign(SECURITY_SUITES[0], d, sample)).code).to.equal('SECURITY_NO_ECC');
  });

  it('derives the Green Book Table C.2 client and server keys with the one-step KDF', () => {
    const algorithmId = fromHex('60857405080300');
    const client = fromHex('4D4D4D0000BC614E');
    const server = fromHex('4D4D4D0000000001');
    const zc = fromHex('0D4385BA0DD756CBCAB9887EB538396EE8F090A14C1079B4359F115B977F4615');
    expect(toHex(concatKdf(suite1, zc, { algorithmId, partyUInfo: client, partyVInfo: server }, 32))).to.equal(
      '59A71FD81C929A86A99438DA17A66C058C6A93FD3065F5EE16A05D775927659B',
    );
    const zs = fromHex('2B4302DC49790E2E78D990CFB52ED6E2F273DECE441A2D95E4301B93812A9FAC');
    expect(toHex(concatKdf(suite1, zs, { algorithmId, partyUInfo: server, partyVInfo: client }, 16))).to.equal('F0184BDA9466BFA4601A64A7EF46504A');
  });

  it('extends the KDF past one hash block with counters 1, 2, …', () => {
    const info = { algorithmId: suite2.kdfAlgorithmId, partyUInfo: new Uint8Array(8), partyVInfo: new Uint8Array(8) };
    const long = concatKdf(suite2, new Uint8Array(48), info, 100);
    expect(long.length).to.equal(100);
    expect(toHex(long.subarray(0, 32))).to.equal(toHex(concatKdf(suite2, new Uint8Array(48), info, 32)));
  });

  it('agrees on the same shared secret and key from both sides, on P-256 and P-384', () => {
    fc.assert(
      fc.property(fc.constantFrom(suite1, suite2), fc.integer({ min: 1, max: 0xffffff }), fc.integer({ min: 1, max: 0xffffff }), (suite, a, b) => {
        const n = suite.ecc!.coordinateLength;
        const scalar = (v: number) => keyFromBytes(concatBytes(new Uint8Array(n - 4), fromHex(v.toString(16).padStart(8, '0'))), 'test');
        const [da, db] = [scalar(a), scalar(b)];
        const zab = ecdhSharedSecret(suite, da, eccPublicKey(suite, db));
        const zba = ecdhSharedSecret(suite, db, eccPublicKey(suite, da));
        const u = fromHex('4D4D4D0000BC614E');
        const v = fromHex('4D4D4D0000000001');
        const kab = agreeKey(suite, da, eccPublicKey(suite, db), u, v);
        return (
          toHex(zab) === toHex(zba) &&
          zab.length === n &&
          kab.length === suite.keyLength &&
          toHex(kab.reveal()) === toHex(agreeKey(suite, db, eccPublicKey(suite, da), u, v).reveal())
        );
      }),
      { seed: 42, numRuns: 30 },
    );
  });
});
