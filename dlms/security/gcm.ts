/**
 * AES-GCM as DLMS uses it (Green Book 9.2.3.7 and 9.2.7.2.4, "Cryptographic protection"):
 *   IV  = system title of the sender (8) || invocation counter (4, big-endian)
 *   AAD = SC || AK                 when authenticated and encrypted
 *       = SC || AK || plaintext    when only authenticated (the plaintext travels in clear)
 *   tag = the first 12 bytes of the GCM tag; encryption-only carries no tag.
 * "Information" below is what follows the security header: ciphertext || tag, plaintext || tag,
 * or ciphertext alone.
 */
import { createCipheriv, timingSafeEqual } from 'node:crypto';
import { DecodeError } from '../bytes/decode-error';
import { ByteReader } from '../bytes/reader';
import { concatBytes, toHex } from '../bytes/hex';
import { type SecurityControl, decodeSecurityControl, encodeSecurityControl } from './control';
import { fail } from './errors';
import { type Key, requireKeyLength } from './key';
import { AUTHENTICATION_TAG_LENGTH, type SecuritySuite } from './suite';

export const SYSTEM_TITLE_LENGTH = 8;
const MAX_INVOCATION_COUNTER = 0xffffffff;

export interface GcmParams {
  readonly suite: SecuritySuite;
  readonly securityControl: SecurityControl;
  /** The sender's system title: the client's for requests, the server's for responses. */
  readonly systemTitle: Uint8Array;
  readonly invocationCounter: number;
  readonly ek: Key;
  /** Needed when the security control says "authenticated". */
  readonly ak?: Key;
  /**
   * Header fields authenticated after SC || AK: the general-ciphering APDU puts its
   * transaction-id, system titles, date-time and other-information there (see
   * docs/decisions/security-general-ciphering-aad.md).
   */
  readonly extraAad?: Uint8Array;
}

/** IV = system title || invocation counter (Green Book 9.2.3.7, "initialization vector"). */
export function gcmIv(systemTitle: Uint8Array, invocationCounter: number): Uint8Array {
  requireSystemTitle(systemTitle, 0);
  requireCounter(invocationCounter);
  const iv = new Uint8Array(12);
  iv.set(systemTitle, 0);
  new DataView(iv.buffer).setUint32(8, invocationCounter);
  return iv;
}

export function requireSystemTitle(systemTitle: Uint8Array, offset: number): void {
  if (systemTitle.length !== SYSTEM_TITLE_LENGTH) {
    fail('SECURITY_BAD_SYSTEM_TITLE', offset, `a system title of ${SYSTEM_TITLE_LENGTH} bytes`, `${systemTitle.length} bytes`);
  }
}

function requireCounter(ic: number): void {
  if (!Number.isInteger(ic) || ic < 0 || ic > MAX_INVOCATION_COUNTER) {
    fail('SECURITY_BAD_COUNTER', 0, 'an invocation counter in 0..2^32-1', String(ic));
  }
}

/** Checks what both directions need before any cipher runs; `offset` locates the SC byte. */
function checkParams(p: GcmParams, offset: number): void {
  const sc = p.securityControl;
  if (sc.suiteId !== p.suite.id) fail('SECURITY_SUITE_MISMATCH', offset, `security suite ${p.suite.id}`, `suite ${sc.suiteId}`);
  if (sc.compressed) fail('SECURITY_COMPRESSION_UNSUPPORTED', offset, 'an uncompressed APDU (SC bit 7 clear)', 'compression requested');
  if (!sc.authenticated && !sc.encrypted) fail('SECURITY_BAD_HEADER', offset, 'authentication or encryption in the security control', 'neither');
  requireSystemTitle(p.systemTitle, 0);
  requireCounter(p.invocationCounter);
  requireKeyLength(p.ek, p.suite.keyLength, 'block cipher key');
  if (sc.authenticated) {
    if (p.ak === undefined) fail('SECURITY_KEY_MISSING', 0, 'an authentication key (AK)', 'none');
    requireKeyLength(p.ak, p.suite.keyLength, 'authentication key');
  }
}

function aad(p: GcmParams, clearText?: Uint8Array): Uint8Array {
  const parts = [Uint8Array.of(encodeSecurityControl(p.securityControl)), p.ak!.reveal()];
  if (p.extraAad !== undefined) parts.push(p.extraAad);
  if (clearText !== undefined) parts.push(clearText);
  return concatBytes(...parts);
}

/** Runs GCM over `text` with `additional` data; returns the ciphertext and the truncated tag. */
function gcm(p: GcmParams, text: Uint8Array, additional: Uint8Array): { ciphertext: Uint8Array; tag: Uint8Array } {
  const cipher = createCipheriv(p.suite.gcmCipher, p.ek.reveal(), gcmIv(p.systemTitle, p.invocationCounter));
  cipher.setAAD(additional);
  const ciphertext = concatBytes(cipher.update(text), cipher.final());
  return { ciphertext, tag: new Uint8Array(cipher.getAuthTag().subarray(0, AUTHENTICATION_TAG_LENGTH)) };
}

/**
 * GCM's keystream without its tag, for encryption-only: CTR mode from counter block IV || 2
 * (NIST SP 800-38D 7.1, with a 96-bit IV J0 = IV || 1 and the first data block at inc32(J0)).
 */
function ctr(p: GcmParams, text: Uint8Array): Uint8Array {
  const counter = concatBytes(gcmIv(p.systemTitle, p.invocationCounter), Uint8Array.of(0, 0, 0, 2));
  const cipher = createCipheriv(p.suite.ctrCipher, p.ek.reveal(), counter);
  return concatBytes(cipher.update(text), cipher.final());
}

/** The information part for `plaintext`: ciphertext || tag, plaintext || tag or ciphertext. */
export function gcmProtect(p: GcmParams, plaintext: Uint8Array): Uint8Array {
  checkParams(p, 0);
  const sc = p.securityControl;
  if (sc.authenticated && sc.encrypted) {
    const { ciphertext, tag } = gcm(p, plaintext, aad(p));
    return concatBytes(ciphertext, tag);
  }
  if (sc.authenticated) return concatBytes(plaintext, gcm(p, new Uint8Array(0), aad(p, plaintext)).tag);
  return ctr(p, plaintext);
}

/**
 * The plaintext of an information part. `offset` is the absolute offset of its first byte, so
 * SECURITY_TAG_MISMATCH names the tag's position in the frame; `securityControlOffset` locates
 * the SC byte for suite and header errors.
 */
export function gcmUnprotect(p: GcmParams, information: Uint8Array, offset = 0, securityControlOffset = offset): Uint8Array {
  checkParams(p, securityControlOffset);
  const sc = p.securityControl;
  if (!sc.authenticated) return ctr(p, information);
  const bodyLength = information.length - AUTHENTICATION_TAG_LENGTH;
  if (bodyLength < 0) {
    throw new DecodeError('TRUNCATED', offset, `${AUTHENTICATION_TAG_LENGTH} bytes of authentication tag`, `${information.length} byte(s)`);
  }
  const body = information.subarray(0, bodyLength);
  const received = information.subarray(bodyLength);
  let plaintext: Uint8Array;
  let computed: Uint8Array;
  if (sc.encrypted) {
    // Decrypting is encrypting in CTR mode; the tag is over the ciphertext, so recompute it
    // by hand rather than trust a truncated tag to node's decipher.
    plaintext = ctr(p, body);
    computed = gcm(p, plaintext, aad(p)).tag;
  } else {
    plaintext = new Uint8Array(body);
    computed = gcm(p, new Uint8Array(0), aad(p, plaintext)).tag;
  }
  if (!timingSafeEqual(computed, received)) {
    fail('SECURITY_TAG_MISMATCH', offset + bodyLength, 'an authentication tag computed with the keys and system title in use', toHex(received));
  }
  return plaintext;
}

/**
 * The GMAC of `data`: the authenticated-only tag with `data` as the clear text. HLS-GMAC
 * (Green Book 9.2.7.4, mechanism 5) is exactly this over the challenge.
 */
export function gmac(p: GcmParams, data: Uint8Array): Uint8Array {
  checkParams(p, 0);
  if (p.securityControl.encrypted || !p.securityControl.authenticated) {
    fail('SECURITY_BAD_HEADER', 0, 'an authentication-only security control for GMAC', `0x${encodeSecurityControl(p.securityControl).toString(16)}`);
  }
  return gcm(p, new Uint8Array(0), aad(p, data)).tag;
}

/** Security header followed by information: SC || IC || information (Green Book 9.2.7.2.3). */
export interface SecuredContent {
  readonly securityControl: SecurityControl;
  readonly invocationCounter: number;
  readonly information: Uint8Array;
}

export function encodeSecuredContent(c: SecuredContent): Uint8Array {
  const header = new Uint8Array(5);
  header[0] = encodeSecurityControl(c.securityControl);
  new DataView(header.buffer).setUint32(1, c.invocationCounter);
  return concatBytes(header, c.information);
}

/** Reads SC || IC and takes the rest of `r` as the information. */
export function decodeSecuredContent(r: ByteReader): SecuredContent {
  const securityControl = decodeSecurityControl(r.u8('security control'));
  const invocationCounter = r.u32('invocation counter');
  return { securityControl, invocationCounter, information: new Uint8Array(r.rest()) };
}

/** SC || IC || information for `plaintext`, ready to be wrapped in an envelope. */
export function protectContent(p: GcmParams, plaintext: Uint8Array): Uint8Array {
  return encodeSecuredContent({ securityControl: p.securityControl, invocationCounter: p.invocationCounter, information: gcmProtect(p, plaintext) });
}
