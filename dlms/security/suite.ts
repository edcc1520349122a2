/**
 * Security suites as data (Green Book 9.2.3.7, Table "DLMS/COSEM security suites"; Blue Book
 * 4.4.7 Security setup attribute 3 `security_suite`). Code reads these rows instead of
 * switching on the suite number.
 */
import { fail } from './errors';

export type SecuritySuiteId = 0 | 1 | 2;

export interface SecuritySuite {
  readonly id: SecuritySuiteId;
  /** The name the Green Book gives the suite. */
  readonly name: string;
  /** AES key size in bytes: EK, AK, KEK and dedicated keys alike. */
  readonly keyLength: 16 | 32;
  /** node:crypto cipher names. */
  readonly gcmCipher: 'aes-128-gcm' | 'aes-256-gcm';
  readonly ctrCipher: 'aes-128-ctr' | 'aes-256-ctr';
  readonly ecbCipher: 'aes-128-ecb' | 'aes-256-ecb';
  /** RFC 3394 key wrap (Green Book 9.2.3.5). */
  readonly keyWrap: 'aes128-wrap' | 'aes256-wrap';
  /** Digital signature and key agreement; null for suite 0, which has none. */
  readonly ecc: null | {
    readonly curve: 'P-256' | 'P-384';
    /** OpenSSL's curve name for node:crypto ECDH. */
    readonly nodeCurve: 'prime256v1' | 'secp384r1';
    readonly hash: 'sha256' | 'sha384';
    /** Bytes of one coordinate or scalar: signatures are r || s, public keys x || y. */
    readonly coordinateLength: 32 | 48;
  };
  /**
   * AlgorithmID for the key derivation function (Green Book 9.2.3.4.6.5): the encoded object
   * identifier 2.16.756.5.8.3.x of the symmetric algorithm the derived key is for.
   */
  readonly kdfAlgorithmId: Uint8Array;
}

/** Authentication tags are truncated to 96 bits in every suite (Green Book 9.2.3.7). */
export const AUTHENTICATION_TAG_LENGTH = 12;

/** Object identifiers 2.16.756.5.8.3.0 (aes-gcm-128) and 2.16.756.5.8.3.1 (aes-gcm-256), as their content octets. */
const OID_AES_GCM_128 = Uint8Array.of(0x60, 0x85, 0x74, 0x05, 0x08, 0x03, 0x00);
const OID_AES_GCM_256 = Uint8Array.of(0x60, 0x85, 0x74, 0x05, 0x08, 0x03, 0x01);

export const SECURITY_SUITES: Readonly<Record<SecuritySuiteId, SecuritySuite>> = {
  0: {
    id: 0,
    name: 'AES-GCM-128',
    keyLength: 16,
    gcmCipher: 'aes-128-gcm',
    ctrCipher: 'aes-128-ctr',
    ecbCipher: 'aes-128-ecb',
    keyWrap: 'aes128-wrap',
    ecc: null,
    kdfAlgorithmId: OID_AES_GCM_128,
  },
  1: {
    id: 1,
    name: 'ECDH-ECDSA-AES-GCM-128-SHA-256',
    keyLength: 16,
    gcmCipher: 'aes-128-gcm',
    ctrCipher: 'aes-128-ctr',
    ecbCipher: 'aes-128-ecb',
    keyWrap: 'aes128-wrap',
    ecc: { curve: 'P-256', nodeCurve: 'prime256v1', hash: 'sha256', coordinateLength: 32 },
    kdfAlgorithmId: OID_AES_GCM_128,
  },
  2: {
    id: 2,
    name: 'ECDH-ECDSA-AES-GCM-256-SHA-384',
    keyLength: 32,
    gcmCipher: 'aes-256-gcm',
    ctrCipher: 'aes-256-ctr',
    ecbCipher: 'aes-256-ecb',
    keyWrap: 'aes256-wrap',
    ecc: { curve: 'P-384', nodeCurve: 'secp384r1', hash: 'sha384', coordinateLength: 48 },
    kdfAlgorithmId: OID_AES_GCM_256,
  },
};

export function isSecuritySuiteId(n: number): n is SecuritySuiteId {
  return n === 0 || n === 1 || n === 2;
}

/** The suite with this id; SECURITY_UNKNOWN_SUITE (at `offset`) for ids 3..15, which are reserved. */
export function securitySuite(id: number, offset = 0): SecuritySuite {
  if (!isSecuritySuiteId(id)) fail('SECURITY_UNKNOWN_SUITE', offset, 'security suite 0, 1 or 2', String(id));
  return SECURITY_SUITES[id];
}

/** The suite's ECC parameters; SECURITY_NO_ECC for suite 0. */
export function eccOf(suite: SecuritySuite): NonNullable<SecuritySuite['ecc']> {
  if (suite.ecc === null) fail('SECURITY_NO_ECC', 0, 'security suite 1 or 2 (ECDH/ECDSA)', `suite ${suite.id}`);
  return suite.ecc;
}
