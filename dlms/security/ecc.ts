/**
 * Elliptic-curve primitives of suites 1 and 2 (Green Book 9.2.3.4): ECDSA with signatures as
 * r || s (FE2OS of each, fixed width, not DER), ECDH giving Z = x-coordinate of the shared
 * point, and the NIST SP 800-56A one-step (concatenation) KDF:
 *   K(i) = Hash(counter_i (4, big-endian, from 1) || Z || OtherInfo),
 *   OtherInfo = AlgorithmID || PartyUInfo || PartyVInfo   (Green Book 9.2.3.4.6.5)
 * Public keys travel as x || y (no 0x04 prefix); private keys are Secrets holding the scalar.
 */
import { createECDH, createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { concatBytes } from '../bytes/hex';
import { fail } from './errors';
import { type Key, keyFromBytes } from './key';
import { type SecuritySuite, eccOf } from './suite';

function b64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

/** x || y, accepting the SEC1 uncompressed form (0x04 || x || y) as well. */
function rawPoint(suite: SecuritySuite, publicKey: Uint8Array): Uint8Array {
  const n = eccOf(suite).coordinateLength;
  if (publicKey.length === 2 * n + 1 && publicKey[0] === 0x04) return publicKey.subarray(1);
  if (publicKey.length !== 2 * n)
    fail('SECURITY_BAD_PUBLIC_KEY', 0, `a ${suite.ecc!.curve} public key of ${2 * n} bytes (x || y)`, `${publicKey.length} bytes`);
  return publicKey;
}

function publicKeyObject(suite: SecuritySuite, publicKey: Uint8Array): KeyObject {
  const ecc = eccOf(suite);
  const p = rawPoint(suite, publicKey);
  const n = ecc.coordinateLength;
  try {
    return createPublicKey({ key: { kty: 'EC', crv: ecc.curve, x: b64url(p.subarray(0, n)), y: b64url(p.subarray(n)) }, format: 'jwk' });
  } catch {
    return fail('SECURITY_BAD_PUBLIC_KEY', 0, `a point on ${ecc.curve}`, 'a point off the curve');
  }
}

/** The public key x || y of a private scalar. */
export function eccPublicKey(suite: SecuritySuite, privateKey: Key): Uint8Array {
  const ecc = eccOf(suite);
  if (privateKey.length !== ecc.coordinateLength)
    fail('SECURITY_BAD_PRIVATE_KEY', 0, `a ${ecc.coordinateLength}-byte ${ecc.curve} private key (${privateKey.source})`, `${privateKey.length} bytes`);
  try {
    const ecdh = createECDH(ecc.nodeCurve);
    ecdh.setPrivateKey(privateKey.reveal());
    return new Uint8Array(ecdh.getPublicKey()).subarray(1);
  } catch {
    return fail('SECURITY_BAD_PRIVATE_KEY', 0, `a scalar in 1..n-1 of ${ecc.curve} (${privateKey.source})`, 'out of range');
  }
}

function privateKeyObject(suite: SecuritySuite, privateKey: Key): KeyObject {
  const ecc = eccOf(suite);
  const pub = eccPublicKey(suite, privateKey);
  const n = ecc.coordinateLength;
  return createPrivateKey({
    key: { kty: 'EC', crv: ecc.curve, d: b64url(privateKey.reveal()), x: b64url(pub.subarray(0, n)), y: b64url(pub.subarray(n)) },
    format: 'jwk',
  });
}

/** ECDSA over `data` with the suite's hash; the signature is r || s (64 or 96 bytes). */
export function ecdsaSign(suite: SecuritySuite, privateKey: Key, data: Uint8Array): Uint8Array {
  const ecc = eccOf(suite);
  return new Uint8Array(sign(ecc.hash, data, { key: privateKeyObject(suite, privateKey), dsaEncoding: 'ieee-p1363' }));
}

/** True when `signature` (r || s) is the suite's ECDSA of `data` under `publicKey` (x || y). */
export function ecdsaVerify(suite: SecuritySuite, publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array): boolean {
  const ecc = eccOf(suite);
  if (signature.length !== 2 * ecc.coordinateLength) {
    fail('SECURITY_BAD_SIGNATURE_LENGTH', 0, `an ECDSA signature of ${2 * ecc.coordinateLength} bytes (r || s)`, `${signature.length} bytes`);
  }
  return verify(ecc.hash, data, { key: publicKeyObject(suite, publicKey), dsaEncoding: 'ieee-p1363' }, signature);
}

/** ECDH (ECC CDH primitive): Z, the x-coordinate of privateKey × peerPublicKey. */
export function ecdhSharedSecret(suite: SecuritySuite, privateKey: Key, peerPublicKey: Uint8Array): Uint8Array {
  const ecc = eccOf(suite);
  const peer = concatBytes(Uint8Array.of(0x04), rawPoint(suite, peerPublicKey));
  const ecdh = createECDH(ecc.nodeCurve);
  try {
    ecdh.setPrivateKey(privateKey.reveal());
  } catch {
    return fail('SECURITY_BAD_PRIVATE_KEY', 0, `a scalar in 1..n-1 of ${ecc.curve} (${privateKey.source})`, 'out of range');
  }
  try {
    return new Uint8Array(ecdh.computeSecret(peer));
  } catch {
    return fail('SECURITY_BAD_PUBLIC_KEY', 0, `a point on ${ecc.curve}`, 'a point off the curve');
  }
}

export interface KdfOtherInfo {
  /** The suite's `kdfAlgorithmId` for a GCM key. */
  readonly algorithmId: Uint8Array;
  /** Usually the system title of party U (the originator); see Green Book 9.2.3.4.6.5. */
  readonly partyUInfo: Uint8Array;
  readonly partyVInfo: Uint8Array;
}

/** NIST SP 800-56A 5.8.1 one-step KDF with the suite's hash; `length` bytes of keying material. */
export function concatKdf(suite: SecuritySuite, z: Uint8Array, info: KdfOtherInfo, length: number): Uint8Array {
  const ecc = eccOf(suite);
  const otherInfo = concatBytes(info.algorithmId, info.partyUInfo, info.partyVInfo);
  const blocks: Uint8Array[] = [];
  let produced = 0;
  for (let counter = 1; produced < length; counter++) {
    const c = new Uint8Array(4);
    new DataView(c.buffer).setUint32(0, counter);
    const block = new Uint8Array(createHash(ecc.hash).update(c).update(z).update(otherInfo).digest());
    blocks.push(block);
    produced += block.length;
  }
  return concatBytes(...blocks).subarray(0, length);
}

/** general-ciphering agreed-key key-parameters: 0x01 = One-Pass Diffie-Hellman C(1e, 1s) (Green Book 9.2.7.2.4, 9.2.3.4.6.3). */
export const ONE_PASS_DIFFIE_HELLMAN = 0x01;

/** ECDH then KDF: the suite's GCM key (16 or 32 bytes) agreed between the two parties. */
export function agreeKey(suite: SecuritySuite, privateKey: Key, peerPublicKey: Uint8Array, partyUInfo: Uint8Array, partyVInfo: Uint8Array): Key {
  const z = ecdhSharedSecret(suite, privateKey, peerPublicKey);
  return keyFromBytes(concatKdf(suite, z, { algorithmId: suite.kdfAlgorithmId, partyUInfo, partyVInfo }, suite.keyLength), `agreed with ${privateKey.source}`);
}
