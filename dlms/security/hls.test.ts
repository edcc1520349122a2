import { expect } from 'chai';
import fc from 'fast-check';
import { DecodeError } from '../bytes/decode-error';
import { fromHex, toHex } from '../bytes/hex';
import { Secret } from '../secret';
import { eccPublicKey } from './ecc';
import { type HlsExchange, type HlsMechanism, HLS_MECHANISM_ID, checkChallenge, computeHlsResponse, hlsGmacResponse, verifyHlsResponse } from './hls';
import { keyFromBytes, keyFromHex } from './key';
import { SECURITY_SUITES } from './suite';
import { thrownBy } from '../../test/helpers/thrown';

const errorOf = (fn: () => unknown): DecodeError => thrownBy(DecodeError, fn);

// The exchange of test/vectors/recordings/c_wrapper_gmac.trace (AARQ CtoS, AARE StoC).
const clientTitle = fromHex('4775727578313233');
const serverTitle = fromHex('4142434445464748');
const ctos = fromHex('70389CCE67B359AC56AB552A158A4522');
const stoc = fromHex('A05028140A0582412090482492C96432');
const client: HlsExchange = { ownSystemTitle: clientTitle, peerSystemTitle: serverTitle, ownChallenge: ctos, peerChallenge: stoc };
const server: HlsExchange = { ownSystemTitle: serverTitle, peerSystemTitle: clientTitle, ownChallenge: stoc, peerChallenge: ctos };
const secret = Secret.fromText('Gurux', 'test');
const ek = keyFromHex('000102030405060708090A0B0C0D0E0F', 'trace EK');
const ak = keyFromHex('D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF', 'trace AK');

describe('HLS authentication (Green Book 9.2.7.4)', () => {
  it('numbers the mechanisms 2 to 7 as the mechanism name OIDs do', () => {
    expect(Object.values(HLS_MECHANISM_ID)).to.deep.equal([2, 3, 4, 5, 6, 7]);
  });

  // Expected digests computed independently with Python's hashlib.
  it('answers with MD5(StoC || secret) for mechanism 3 and SHA-1(StoC || secret) for mechanism 4', () => {
    expect(toHex(computeHlsResponse({ kind: 'hls-md5', secret }, client))).to.equal('A3492DEAC3EC0001F9AE5F15B08B9EDE');
    expect(toHex(computeHlsResponse({ kind: 'hls-sha1', secret }, client))).to.equal('7F49E5C0E7D9A5A419B64992BD07FC37F5EA77ED');
  });

  it('answers with SHA-256(secret || ST-C || ST-S || StoC || CtoS) as client and the mirror as server (mechanism 6)', () => {
    expect(toHex(computeHlsResponse({ kind: 'hls-sha256', secret }, client))).to.equal('AF917F113CB82638AF8F390927193368FF85DCD1B570F175A0B759F8E8A074B8');
    expect(toHex(computeHlsResponse({ kind: 'hls-sha256', secret }, server))).to.equal('213A12C2C7EC6320818B4AE49CB306CA0FAA54FE22DAEE00A5013D75D9C72A8B');
  });

  it('reproduces the recorded HLS-GMAC f(StoC) and f(CtoS) of the wrapper trace (mechanism 5)', () => {
    expect(toHex(hlsGmacResponse(SECURITY_SUITES[0], ek, ak, clientTitle, 0x0a56, stoc))).to.equal('1000000A56A49402D8D404F3C316C049FD');
    expect(toHex(hlsGmacResponse(SECURITY_SUITES[0], ek, ak, serverTitle, 2, ctos))).to.equal('10000000028364916530454FE31174ADCB');
  });

  const mechanisms: [string, HlsMechanism, HlsMechanism][] = (() => {
    const cd = keyFromBytes(new Uint8Array(32).fill(0x21), 'client signing key');
    const sd = keyFromBytes(new Uint8Array(32).fill(0x42), 'server signing key');
    const s2 = SECURITY_SUITES[1];
    const gmac = (ic: number): HlsMechanism => ({ kind: 'hls-gmac', suite: SECURITY_SUITES[0], ek, ak, invocationCounter: ic });
    return [
      ['md5', { kind: 'hls-md5', secret }, { kind: 'hls-md5', secret }],
      ['sha1', { kind: 'hls-sha1', secret }, { kind: 'hls-sha1', secret }],
      ['sha256', { kind: 'hls-sha256', secret }, { kind: 'hls-sha256', secret }],
      ['gmac', gmac(0x0a56), gmac(2)],
      [
        'ecdsa',
        { kind: 'hls-ecdsa', suite: s2, privateKey: cd, peerPublicKey: eccPublicKey(s2, sd) },
        { kind: 'hls-ecdsa', suite: s2, privateKey: sd, peerPublicKey: eccPublicKey(s2, cd) },
      ],
    ];
  })();

  for (const [name, clientSide, serverSide] of mechanisms) {
    it(`lets each side verify the other's ${name} answer, and refuses an answer to another challenge`, () => {
      verifyHlsResponse(serverSide, server, computeHlsResponse(clientSide, client));
      verifyHlsResponse(clientSide, client, computeHlsResponse(serverSide, server));
      const otherChallenge = { ...client, peerChallenge: ctos };
      const e = errorOf(() => verifyHlsResponse(serverSide, server, computeHlsResponse(clientSide, otherChallenge)));
      expect(e.code).to.equal(name === 'ecdsa' ? 'HLS_BAD_SIGNATURE' : 'HLS_RESPONSE_MISMATCH');
    });
  }

  it('returns the invocation counter of a verified HLS-GMAC answer, for the replay guard', () => {
    const response = fromHex('1000000A56A49402D8D404F3C316C049FD');
    expect(verifyHlsResponse(mechanisms[3]![2], server, response)).to.deep.equal({ invocationCounter: 0x0a56 });
  });

  it('names what is wrong with a malformed HLS-GMAC answer', () => {
    const m = mechanisms[3]![2];
    expect(errorOf(() => verifyHlsResponse(m, server, fromHex('1000000A56A49402D8D404F3C316C049')))).to.include({ code: 'HLS_BAD_RESPONSE_LENGTH' });
    expect(errorOf(() => verifyHlsResponse(m, server, fromHex('3000000A56A49402D8D404F3C316C049FD')))).to.include({
      code: 'HLS_BAD_SECURITY_CONTROL',
      offset: 0,
    });
    expect(errorOf(() => verifyHlsResponse(m, server, fromHex('1000000A57A49402D8D404F3C316C049FD')))).to.include({ code: 'HLS_RESPONSE_MISMATCH', offset: 5 });
    expect(
      errorOf(() =>
        verifyHlsResponse(
          { kind: 'hls-gmac', suite: SECURITY_SUITES[0], ek: keyFromBytes(new Uint8Array(16), 'zero'), ak, invocationCounter: 0 },
          server,
          fromHex('1000000A56A49402D8D404F3C316C049FD'),
        ),
      ).code,
    ).to.equal('HLS_RESPONSE_MISMATCH');
    expect(errorOf(() => verifyHlsResponse({ kind: 'hls-sha256', secret }, server, new Uint8Array(31))).code).to.equal('HLS_BAD_RESPONSE_LENGTH');
  });

  it('delegates mechanism 2 to the manufacturer plug-in', () => {
    const impl = {
      respond: (x: HlsExchange) => x.peerChallenge.slice().reverse(),
      verify: (x: HlsExchange, r: Uint8Array) => toHex(r) === toHex(x.ownChallenge.slice().reverse()),
    };
    const m: HlsMechanism = { kind: 'hls-manufacturer', impl };
    verifyHlsResponse(m, server, computeHlsResponse(m, client));
    expect(errorOf(() => verifyHlsResponse(m, server, stoc)).code).to.equal('HLS_RESPONSE_MISMATCH');
  });

  it('asks for the keys ECDSA needs and for challenges of 8 to 64 bytes', () => {
    expect(errorOf(() => computeHlsResponse({ kind: 'hls-ecdsa', suite: SECURITY_SUITES[1] }, client)).code).to.equal('SECURITY_KEY_MISSING');
    expect(errorOf(() => verifyHlsResponse({ kind: 'hls-ecdsa', suite: SECURITY_SUITES[1] }, client, new Uint8Array(64))).code).to.equal(
      'SECURITY_KEY_MISSING',
    );
    expect(errorOf(() => checkChallenge(new Uint8Array(7), 'CtoS')).code).to.equal('HLS_BAD_CHALLENGE');
    checkChallenge(new Uint8Array(64), 'StoC');
  });

  it('accepts its own HLS-SHA256 answer for any challenges and titles', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 8, maxLength: 64 }),
        fc.uint8Array({ minLength: 8, maxLength: 64 }),
        fc.uint8Array({ minLength: 8, maxLength: 8 }),
        (a, b, t) => {
          const c: HlsExchange = { ownSystemTitle: t, peerSystemTitle: serverTitle, ownChallenge: a, peerChallenge: b };
          const s: HlsExchange = { ownSystemTitle: serverTitle, peerSystemTitle: t, ownChallenge: b, peerChallenge: a };
          verifyHlsResponse({ kind: 'hls-sha256', secret }, s, computeHlsResponse({ kind: 'hls-sha256', secret }, c));
          return true;
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});
