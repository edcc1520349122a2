/**
 * High-level security authentication, passes 3 and 4 (Green Book 9.2.7.4, "HLS
 * authentication mechanisms"). After the AARQ (CtoS) and the AARE (StoC), each party proves
 * itself by answering the other's challenge through reply_to_HLS_authentication:
 *   2 manufacturer-specific           (pluggable: ManufacturerHls)
 *   3 MD5(challenge || secret)         4 SHA-1(challenge || secret)
 *   5 GMAC: SC || IC || GMAC(SC || AK || challenge), IV = own system title || IC
 *   6 SHA-256(secret || own ST || peer ST || peer's challenge || own challenge)
 *   7 ECDSA over own ST || peer ST || peer's challenge || own challenge
 * For the client "own" is C and "peer" S, so mechanism 6 is SHA-256(secret || ST-C || ST-S ||
 * StoC || CtoS) in pass 3 and SHA-256(secret || ST-S || ST-C || CtoS || StoC) in pass 4.
 *
 * Every function is written from the caller's side: `computeHlsResponse` answers the peer's
 * challenge, `verifyHlsResponse` checks the peer's answer to our own challenge.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { ByteReader } from '../bytes/reader';
import { concatBytes, toHex } from '../bytes/hex';
import type { Secret } from '../secret';
import { encodeSecurityControl, securityControl } from './control';
import { fail } from './errors';
import { type GcmParams, gmac } from './gcm';
import type { Key } from './key';
import { ecdsaSign, ecdsaVerify } from './ecc';
import { AUTHENTICATION_TAG_LENGTH, type SecuritySuite } from './suite';

/** Mechanism ids, the last arc of the mechanism name 2.16.756.5.8.2.x (Green Book 9.4.2.2.2). */
export const HLS_MECHANISM_ID = {
  'hls-manufacturer': 2,
  'hls-md5': 3,
  'hls-sha1': 4,
  'hls-gmac': 5,
  'hls-sha256': 6,
  'hls-ecdsa': 7,
} as const;

export type HlsMechanismName = keyof typeof HLS_MECHANISM_ID;

/** Both challenges and both system titles, as seen by the party calling. */
export interface HlsExchange {
  readonly ownSystemTitle: Uint8Array;
  readonly peerSystemTitle: Uint8Array;
  /** The challenge this party sent (CtoS for the client, StoC for the server). */
  readonly ownChallenge: Uint8Array;
  /** The challenge the peer sent, which this party answers. */
  readonly peerChallenge: Uint8Array;
}

/** Mechanism 2: the manufacturer's algorithm, plugged in by the profile. */
export interface ManufacturerHls {
  respond(exchange: HlsExchange): Uint8Array;
  verify(exchange: HlsExchange, response: Uint8Array): boolean;
}

export type HlsMechanism =
  | { readonly kind: 'hls-manufacturer'; readonly impl: ManufacturerHls }
  | { readonly kind: 'hls-md5' | 'hls-sha1' | 'hls-sha256'; readonly secret: Secret }
  | {
      readonly kind: 'hls-gmac';
      readonly suite: SecuritySuite;
      readonly ek: Key;
      readonly ak: Key;
      /** The counter this party uses for its own f(challenge); ignored when verifying. */
      readonly invocationCounter: number;
    }
  | {
      readonly kind: 'hls-ecdsa';
      readonly suite: SecuritySuite;
      /** This party's signing key (to respond). */
      readonly privateKey?: Key;
      /** The peer's public signing key x || y (to verify). */
      readonly peerPublicKey?: Uint8Array;
    };

/** Green Book 9.2.7.4: challenges are 8 to 64 bytes. */
export const CHALLENGE_MIN = 8;
export const CHALLENGE_MAX = 64;

export function checkChallenge(challenge: Uint8Array, whose: string): void {
  if (challenge.length < CHALLENGE_MIN || challenge.length > CHALLENGE_MAX) {
    fail('HLS_BAD_CHALLENGE', 0, `${whose} challenge of ${CHALLENGE_MIN}..${CHALLENGE_MAX} bytes`, `${challenge.length} bytes`);
  }
}

function digest(algorithm: 'md5' | 'sha1' | 'sha256', ...parts: Uint8Array[]): Uint8Array {
  const h = createHash(algorithm);
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
}

/** What the party with `own*` sends to answer `answered`, for the digest mechanisms. */
function digestResponse(
  m: { kind: 'hls-md5' | 'hls-sha1' | 'hls-sha256'; secret: Secret },
  ownST: Uint8Array,
  peerST: Uint8Array,
  answered: Uint8Array,
  own: Uint8Array,
): Uint8Array {
  switch (m.kind) {
    case 'hls-md5':
      return digest('md5', answered, m.secret.reveal());
    case 'hls-sha1':
      return digest('sha1', answered, m.secret.reveal());
    case 'hls-sha256':
      return digest('sha256', m.secret.reveal(), ownST, peerST, answered, own);
  }
}

function signedData(ownST: Uint8Array, peerST: Uint8Array, answered: Uint8Array, own: Uint8Array): Uint8Array {
  return concatBytes(ownST, peerST, answered, own);
}

function gmacParams(suite: SecuritySuite, ek: Key, ak: Key, systemTitle: Uint8Array, invocationCounter: number): GcmParams {
  return { suite, securityControl: securityControl(suite.id, 'authenticated'), systemTitle, invocationCounter, ek, ak };
}

/** HLS-GMAC f(challenge) = SC || IC || GMAC tag (Green Book 9.2.7.4, mechanism 5). */
export function hlsGmacResponse(suite: SecuritySuite, ek: Key, ak: Key, systemTitle: Uint8Array, invocationCounter: number, challenge: Uint8Array): Uint8Array {
  const p = gmacParams(suite, ek, ak, systemTitle, invocationCounter);
  const header = new Uint8Array(5);
  header[0] = encodeSecurityControl(p.securityControl);
  new DataView(header.buffer).setUint32(1, invocationCounter);
  return concatBytes(header, gmac(p, challenge));
}

/** This party's answer to the peer's challenge (pass 3 for a client, pass 4 for a server). */
export function computeHlsResponse(m: HlsMechanism, x: HlsExchange): Uint8Array {
  switch (m.kind) {
    case 'hls-manufacturer':
      return m.impl.respond(x);
    case 'hls-md5':
    case 'hls-sha1':
    case 'hls-sha256':
      return digestResponse(m, x.ownSystemTitle, x.peerSystemTitle, x.peerChallenge, x.ownChallenge);
    case 'hls-gmac':
      return hlsGmacResponse(m.suite, m.ek, m.ak, x.ownSystemTitle, m.invocationCounter, x.peerChallenge);
    case 'hls-ecdsa':
      if (m.privateKey === undefined) fail('SECURITY_KEY_MISSING', 0, 'a private signing key for HLS-ECDSA', 'none');
      return ecdsaSign(m.suite, m.privateKey, signedData(x.ownSystemTitle, x.peerSystemTitle, x.peerChallenge, x.ownChallenge));
    default: {
      const never: never = m;
      throw new Error(`unreachable HLS mechanism ${String(never)}`);
    }
  }
}

/** What a verified response told us: the peer's invocation counter for HLS-GMAC. */
export interface HlsVerified {
  readonly invocationCounter?: number;
}

function mismatch(response: Uint8Array, offset = 0): never {
  return fail('HLS_RESPONSE_MISMATCH', offset, 'the response computed from our challenge and the shared secret', toHex(response));
}

/**
 * Checks the peer's answer to our challenge (pass 4 for a client, pass 3 for a server); throws
 * HLS_* codes, with offsets within `response`.
 */
export function verifyHlsResponse(m: HlsMechanism, x: HlsExchange, response: Uint8Array): HlsVerified {
  switch (m.kind) {
    case 'hls-manufacturer':
      if (!m.impl.verify(x, response)) mismatch(response);
      return {};
    case 'hls-md5':
    case 'hls-sha1':
    case 'hls-sha256': {
      const expected = digestResponse(m, x.peerSystemTitle, x.ownSystemTitle, x.ownChallenge, x.peerChallenge);
      if (response.length !== expected.length) fail('HLS_BAD_RESPONSE_LENGTH', 0, `${expected.length} bytes of ${m.kind} digest`, `${response.length} bytes`);
      if (!timingSafeEqual(expected, response)) mismatch(response);
      return {};
    }
    case 'hls-gmac': {
      const expectedLength = 5 + AUTHENTICATION_TAG_LENGTH;
      if (response.length !== expectedLength) fail('HLS_BAD_RESPONSE_LENGTH', 0, `${expectedLength} bytes: SC || IC || tag`, `${response.length} bytes`);
      const r = new ByteReader(response);
      const sc = r.u8('security control');
      const wanted = encodeSecurityControl(securityControl(m.suite.id, 'authenticated'));
      if (sc !== wanted) fail('HLS_BAD_SECURITY_CONTROL', 0, `0x${wanted.toString(16)} (authentication only, suite ${m.suite.id})`, `0x${sc.toString(16)}`);
      const ic = r.u32('invocation counter');
      const tag = r.rest();
      const p = gmacParams(m.suite, m.ek, m.ak, x.peerSystemTitle, ic);
      if (!timingSafeEqual(gmac(p, x.ownChallenge), tag)) mismatch(response, 5);
      return { invocationCounter: ic };
    }
    case 'hls-ecdsa': {
      if (m.peerPublicKey === undefined) fail('SECURITY_KEY_MISSING', 0, "the peer's public signing key for HLS-ECDSA", 'none');
      const data = signedData(x.peerSystemTitle, x.ownSystemTitle, x.ownChallenge, x.peerChallenge);
      if (!ecdsaVerify(m.suite, m.peerPublicKey, data, response)) fail('HLS_BAD_SIGNATURE', 0, "an ECDSA signature by the peer's key", toHex(response));
      return {};
    }
    default: {
      const never: never = m;
      throw new Error(`unreachable HLS mechanism ${String(never)}`);
    }
  }
}
