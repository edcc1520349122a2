import { expect } from 'chai';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DecodeError } from '../bytes/decode-error';
import { concatBytes, fromHex, toHex } from '../bytes/hex';
import { ByteReader } from '../bytes/reader';
import { decodeSecurityControl, securityControl } from './control';
import { type GcmParams, decodeSecuredContent, gcmIv, gcmProtect, gcmUnprotect, gmac, protectContent } from './gcm';
import { keyFromBytes, keyFromHex } from './key';
import { SECURITY_SUITES } from './suite';
import { thrownBy } from '../../test/helpers/thrown';

const errorOf = (fn: () => unknown): DecodeError => thrownBy(DecodeError, fn);

/** /work/shared/vectors/security.yaml, copied to test/vectors: the DLMS UA suite 0 worked example. */
interface SecurityVector {
  systemTitle: string;
  invocationCounter: string;
  blockCipherKey: string;
  authenticationKey: string;
  plaintext: string;
  cases: { securityControl: string; ciphertext?: string; tag?: string; gloGetRequest?: string }[];
}
const vector = parse(readFileSync(join(__dirname, '../../test/vectors/security.yaml'), 'utf8'), { schema: 'failsafe' }) as SecurityVector;

function vectorParams(sc: number): GcmParams {
  return {
    suite: SECURITY_SUITES[0],
    securityControl: decodeSecurityControl(sc),
    systemTitle: fromHex(vector.systemTitle),
    invocationCounter: parseInt(vector.invocationCounter, 16),
    ek: keyFromHex(vector.blockCipherKey, 'security.yaml EK'),
    ak: keyFromHex(vector.authenticationKey, 'security.yaml AK'),
  };
}

describe('AES-GCM protection (Green Book 9.2.7.2.4)', () => {
  const plaintext = fromHex(vector.plaintext);

  it('builds the IV from the system title and the big-endian invocation counter', () => {
    expect(toHex(gcmIv(fromHex('4D4D4D0000BC614E'), 0x01234567))).to.equal('4D4D4D0000BC614E01234567');
  });

  for (const c of vector.cases) {
    const sc = parseInt(c.securityControl, 16);
    const expected = concatBytes(sc === 0x10 ? plaintext : fromHex(c.ciphertext ?? ''), fromHex(c.tag ?? ''));

    it(`reproduces the suite 0 worked example with SC 0x${sc.toString(16)} (security.yaml)`, () => {
      expect(toHex(gcmProtect(vectorParams(sc), plaintext))).to.equal(toHex(expected));
    });

    it(`recovers the plaintext of the worked example with SC 0x${sc.toString(16)}`, () => {
      expect(toHex(gcmUnprotect(vectorParams(sc), expected))).to.equal(vector.plaintext);
    });
  }

  it('writes the security header SC || IC before the information', () => {
    const bytes = protectContent(vectorParams(0x30), plaintext);
    expect(toHex(bytes)).to.equal('3001234567411312FF935A47566827C467BC7D825C3BE4A77C3FCC056B6B');
    const back = decodeSecuredContent(new ByteReader(bytes));
    expect([back.securityControl.suiteId, back.invocationCounter, toHex(back.information).slice(0, 8)]).to.deep.equal([0, 0x01234567, '411312FF']);
  });

  it('computes GMAC as the authentication-only tag over the data', () => {
    expect(toHex(gmac(vectorParams(0x10), plaintext))).to.equal('06725D910F9221D263877516');
  });

  it('reports a tampered tag as SECURITY_TAG_MISMATCH at the offset of the tag', () => {
    const info = gcmProtect(vectorParams(0x30), plaintext);
    info[info.length - 1]! ^= 0x01;
    const e = errorOf(() => gcmUnprotect(vectorParams(0x30), info, 100));
    expect([e.code, e.offset]).to.deep.equal(['SECURITY_TAG_MISMATCH', 100 + plaintext.length]);
  });

  it('reports tampered clear text of an authenticated-only APDU as SECURITY_TAG_MISMATCH', () => {
    const info = gcmProtect(vectorParams(0x10), plaintext);
    info[0]! ^= 0x80;
    expect(errorOf(() => gcmUnprotect(vectorParams(0x10), info)).code).to.equal('SECURITY_TAG_MISMATCH');
  });

  it('reports a wrong block cipher key, authentication key or system title as SECURITY_TAG_MISMATCH', () => {
    const info = gcmProtect(vectorParams(0x30), plaintext);
    const wrongEk = { ...vectorParams(0x30), ek: keyFromBytes(new Uint8Array(16), 'zero') };
    const wrongAk = { ...vectorParams(0x30), ak: keyFromBytes(new Uint8Array(16), 'zero') };
    const wrongTitle = { ...vectorParams(0x30), systemTitle: fromHex('4D4D4D0000BC614F') };
    for (const p of [wrongEk, wrongAk, wrongTitle]) expect(errorOf(() => gcmUnprotect(p, info)).code).to.equal('SECURITY_TAG_MISMATCH');
  });

  it('refuses what it cannot check: short information, foreign suite, compression, no protection, short title, missing AK', () => {
    expect(errorOf(() => gcmUnprotect(vectorParams(0x30), new Uint8Array(11))).code).to.equal('TRUNCATED');
    expect(errorOf(() => gcmUnprotect(vectorParams(0x31), new Uint8Array(20), 10, 5))).to.include({ code: 'SECURITY_SUITE_MISMATCH', offset: 5 });
    expect(errorOf(() => gcmProtect(vectorParams(0xb0), plaintext)).code).to.equal('SECURITY_COMPRESSION_UNSUPPORTED');
    expect(errorOf(() => gcmProtect(vectorParams(0x00), plaintext)).code).to.equal('SECURITY_BAD_HEADER');
    expect(errorOf(() => gcmProtect({ ...vectorParams(0x30), systemTitle: new Uint8Array(7) }, plaintext)).code).to.equal('SECURITY_BAD_SYSTEM_TITLE');
    const { ak: _ak, ...noAk } = vectorParams(0x30);
    expect(errorOf(() => gcmProtect(noAk, plaintext)).code).to.equal('SECURITY_KEY_MISSING');
    expect(errorOf(() => gcmProtect({ ...vectorParams(0x30), invocationCounter: 2 ** 32 }, plaintext)).code).to.equal('SECURITY_BAD_COUNTER');
    expect(errorOf(() => gcmProtect({ ...vectorParams(0x30), ek: keyFromBytes(new Uint8Array(32), 'x') }, plaintext)).code).to.equal('SECURITY_BAD_KEY_LENGTH');
  });

  it('round-trips any plaintext under every policy and suite', () => {
    const arb = fc.record({
      suite: fc.constantFrom(SECURITY_SUITES[0], SECURITY_SUITES[1], SECURITY_SUITES[2]),
      policy: fc.constantFrom('authenticated' as const, 'encrypted' as const, 'authenticated-encrypted' as const),
      title: fc.uint8Array({ minLength: 8, maxLength: 8 }),
      ic: fc.integer({ min: 0, max: 0xffffffff }),
      key: fc.uint8Array({ minLength: 32, maxLength: 32 }),
      text: fc.uint8Array({ maxLength: 300 }),
    });
    fc.assert(
      fc.property(arb, ({ suite, policy, title, ic, key, text }) => {
        const p: GcmParams = {
          suite,
          securityControl: securityControl(suite.id, policy),
          systemTitle: title,
          invocationCounter: ic,
          ek: keyFromBytes(key.subarray(0, suite.keyLength), 'ek'),
          ak: keyFromBytes(key.subarray(32 - suite.keyLength), 'ak'),
        };
        const info = gcmProtect(p, text);
        return toHex(gcmUnprotect(p, info)) === toHex(text) && info.length === text.length + (policy === 'encrypted' ? 0 : 12);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
