import { expect } from 'chai';
import { createHmac } from 'node:crypto';
import { fromHex } from '../bytes/hex';
import { Secret } from '../secret';
import { computeHlsResponse, verifyHlsResponse } from './hls';
import { manufacturerHls, manufacturerHlsNames, registerManufacturerHls, TEST_MANUFACTURER_HLS } from './hls-manufacturer';
import type { HlsExchange } from './hls';

const secret = Secret.fromText('test-secret', 'test HLS secret');
const CTOS = fromHex('0102030405060708');
const STOC = fromHex('1112131415161718191A1B1C1D1E1F20');
const client: HlsExchange = { ownSystemTitle: new Uint8Array(8), peerSystemTitle: new Uint8Array(8), ownChallenge: CTOS, peerChallenge: STOC };
const server: HlsExchange = { ownSystemTitle: new Uint8Array(8), peerSystemTitle: new Uint8Array(8), ownChallenge: STOC, peerChallenge: CTOS };

describe('manufacturer-specific HLS (mechanism 2) registry', () => {
  it('answers a challenge with HMAC-SHA-256 of the challenge under the secret, in the built-in test algorithm', () => {
    const impl = manufacturerHls(TEST_MANUFACTURER_HLS, secret)!;
    const expected = new Uint8Array(createHmac('sha256', 'test-secret').update(STOC).digest());
    expect(computeHlsResponse({ kind: 'hls-manufacturer', impl }, client)).to.deep.equal(expected);
  });

  it('verifies what the other party computed with the same secret, and refuses another secret', () => {
    const c = { kind: 'hls-manufacturer', impl: manufacturerHls(TEST_MANUFACTURER_HLS, secret)! } as const;
    const s = { kind: 'hls-manufacturer', impl: manufacturerHls(TEST_MANUFACTURER_HLS, secret)! } as const;
    expect(() => verifyHlsResponse(s, server, computeHlsResponse(c, client))).to.not.throw();
    const wrong = { kind: 'hls-manufacturer', impl: manufacturerHls(TEST_MANUFACTURER_HLS, Secret.fromText('other', 'wrong'))! } as const;
    expect(() => verifyHlsResponse(s, server, computeHlsResponse(wrong, client)))
      .to.throw()
      .with.property('code', 'HLS_RESPONSE_MISMATCH');
  });

  it('knows no algorithm by an unregistered name, and plugs one in when registered', () => {
    expect(manufacturerHls('acme-unknown', secret)).to.equal(undefined);
    registerManufacturerHls('acme-echo-test', () => ({ respond: (x) => x.peerChallenge, verify: (x, r) => r.length === x.ownChallenge.length }));
    expect(manufacturerHlsNames()).to.include('acme-echo-test');
    expect(manufacturerHls('acme-echo-test', secret)!.respond(client)).to.deep.equal(STOC);
  });
});
