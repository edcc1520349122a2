/**
 * The key an originator (the client) conveys in a general-ciphering APDU (Green Book 9.2.7.2.4, key-info): suite 0
 * has no key agreement, so a fresh key goes wrapped with the master key (KEK, RFC 3394); suites 1
 * and 2 agree one with the server's static key by One-Pass Diffie-Hellman, the client's ephemeral
 * public key travelling signed by its signing key (Green Book 9.2.3.4.6.3, C(1e, 1s)).
 *
 * The recipient's static key-agreement key is its signing key's pair (a profile's
 * security.serverSigningKey): the reference meter holds one ECC pair per suite
 * (docs/decisions/security-general-ciphering-aad.md).
 */
import { randomBytes } from 'node:crypto';
import { concatBytes } from '../bytes';
import type { KeyInfo } from './ciphered-apdu';
import { agreeKey, eccPublicKey, ecdsaSign, ecdsaVerify, ONE_PASS_DIFFIE_HELLMAN } from './ecc';
import { fail } from './errors';
import { keyFromBytes, type Key } from './key';
import { wrapKey } from './key-wrap';
import { eccOf, type SecuritySuite } from './suite';

export interface ConveyedKey {
  readonly keyInfo: KeyInfo;
  /** The content key the key-info conveys (never printed: it is a Key). */
  readonly key: Key;
}

export interface ConveyParams {
  readonly suite: SecuritySuite;
  readonly masterKey: Key | undefined;
  readonly signingKey: Key | undefined;
  readonly serverPublicKey: Uint8Array | undefined;
  readonly originatorSystemTitle: Uint8Array;
  readonly recipientSystemTitle: Uint8Array;
}

function missing(what: string): never {
  return fail('SECURITY_KEY_MISSING', 0, what, 'none given');
}

/** A fresh content key and the key-info that conveys it: wrapped (suite 0) or agreed (suites 1, 2). */
export function conveyKey(p: ConveyParams): ConveyedKey {
  if (!p.suite.ecc) {
    const kek = p.masterKey ?? missing('a master key (KEK) to wrap the general-ciphering key');
    const key = keyFromBytes(new Uint8Array(randomBytes(p.suite.keyLength)), 'general-ciphering content key (random)');
    return { key, keyInfo: { type: 'wrapped-key', kekId: 'master-key', keyCipheredData: wrapKey(kek, key) } };
  }
  const signing = p.signingKey ?? missing('a signing key to sign the ephemeral key of the key agreement');
  const serverKey = p.serverPublicKey ?? missing("the server's public key (security.serverSigningKey) to agree a key with");
  const ephemeral = keyFromBytes(new Uint8Array(randomBytes(eccOf(p.suite).coordinateLength)), 'client ephemeral key (general-ciphering)');
  const q = eccPublicKey(p.suite, ephemeral);
  return {
    key: agreeKey(p.suite, ephemeral, serverKey, p.originatorSystemTitle, p.recipientSystemTitle),
    keyInfo: { type: 'agreed-key', keyParameters: Uint8Array.of(ONE_PASS_DIFFIE_HELLMAN), keyCipheredData: concatBytes(q, ecdsaSign(p.suite, signing, q)) },
  };
}

/**
 * The recipient's side of an agreed-key (One-Pass Diffie-Hellman): Q must be signed by the
 * originator's signing key; the key is KDF(ECDH(own static key, Q), AlgorithmID || originator
 * system title || recipient system title). SECURITY_BAD_KEY_DATA when key-parameters is not 01
 * or key-ciphered-data is not Q || signature; SECURITY_BAD_SIGNATURE when Q is not signed.
 */
export function agreedKeyOf(
  suite: SecuritySuite,
  ownStaticKey: Key,
  originatorSigningPublicKey: Uint8Array,
  info: Extract<KeyInfo, { type: 'agreed-key' }>,
  originatorSystemTitle: Uint8Array,
  recipientSystemTitle: Uint8Array,
): Key {
  const n = eccOf(suite).coordinateLength;
  if (info.keyParameters.length !== 1 || info.keyParameters[0] !== ONE_PASS_DIFFIE_HELLMAN) {
    fail('SECURITY_BAD_KEY_DATA', 0, `agreed-key key-parameters 0${ONE_PASS_DIFFIE_HELLMAN} (One-Pass Diffie-Hellman)`, `${info.keyParameters.length} bytes`);
  }
  const data = info.keyCipheredData;
  if (data.length !== 4 * n) fail('SECURITY_BAD_KEY_DATA', 0, `agreed-key key-ciphered-data of ${4 * n} bytes (Q || signature)`, `${data.length} bytes`);
  const q = data.subarray(0, 2 * n);
  if (!ecdsaVerify(suite, originatorSigningPublicKey, q, data.subarray(2 * n))) {
    fail('SECURITY_BAD_SIGNATURE', 2 * n, "the originator's ephemeral key signed by its signing key", 'a signature that does not verify');
  }
  return agreeKey(suite, ownStaticKey, q, originatorSystemTitle, recipientSystemTitle);
}
