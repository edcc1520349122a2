/**
 * Protecting and unprotecting whole APDUs (Green Book 9.2.7.2): picks the envelope and the key,
 * runs AES-GCM with the right system title, and checks what came back against the context.
 * The invocation counter is an input: the caller keeps the send counter and the replay guard
 * (invocation-counter.ts), so these functions stay pure.
 */
import { ByteWriter } from '../bytes/writer';
import { bytesEqual, toHex } from '../bytes/hex';
import {
  type CipheredApdu,
  type GeneralCiphering,
  type GeneralHeader,
  type GeneralSigning,
  type KeyInfo,
  decodeCipheredApduBytes,
  encodeCipheredApduBytes,
  encodeGeneralHeader,
} from './ciphered-apdu';
import { GENERAL_SIGNING, cipheredTagFor } from './ciphered-tags';
import { type SecurityControl, policyOf } from './control';
import { ecdsaSign, ecdsaVerify } from './ecc';
import { fail } from './errors';
import { type GcmParams, SYSTEM_TITLE_LENGTH, gcmProtect, gcmUnprotect } from './gcm';
import type { Key } from './key';
import { unwrapKey } from './key-wrap';
import type { SecuritySuite } from './suite';

export interface SecurityContext {
  readonly suite: SecuritySuite;
  /** What this party sends; what it expects back unless `strictPolicy` is false. */
  readonly securityControl: SecurityControl;
  readonly ownSystemTitle: Uint8Array;
  /** Needed to decipher service-specific APDUs; when set, titles carried in APDUs must equal it. */
  readonly peerSystemTitle?: Uint8Array;
  /** The counter for the APDU being protected. */
  readonly invocationCounter: number;
  /** Global unicast encryption key. */
  readonly ek: Key;
  readonly broadcastKey?: Key;
  readonly dedicatedKey?: Key;
  readonly ak?: Key;
  /** Master key, for general-ciphering with a wrapped key. */
  readonly kek?: Key;
  /** Resolves an agreed-key of general-ciphering (ECDH + KDF, see ecc.ts agreeKey). */
  readonly agreedKey?: (keyInfo: Extract<KeyInfo, { type: 'agreed-key' }>, apdu: GeneralCiphering) => Key;
  /** Peer's public signing key x || y, for general-signing. */
  readonly peerSigningKey?: Uint8Array;
  /** Protect with ded- tags / general-ded-ciphering and the dedicated key. */
  readonly dedicated?: boolean;
  /** 'service-specific' (glo-/ded- tag, the default) or 'general' (general-glo/ded-ciphering). */
  readonly envelope?: 'service-specific' | 'general';
  /** When not false (the default), a received SC must state the same policy as `securityControl`. */
  readonly strictPolicy?: boolean;
}

export interface Unprotected {
  readonly apdu: CipheredApdu;
  /** The APDU inside, unciphered (for general-signing: the signed content). */
  readonly plain: Uint8Array;
  /** The sender's system title used in the IV. */
  readonly systemTitle: Uint8Array;
  readonly securityControl?: SecurityControl;
  readonly invocationCounter?: number;
  /** Absolute offset of the invocation counter, for a replay error that names its byte. */
  readonly invocationCounterOffset?: number;
}

function needed<T>(value: T | undefined, what: string): T {
  if (value === undefined) fail('SECURITY_KEY_MISSING', 0, what, 'none in the security context');
  return value;
}

function sessionKey(ctx: SecurityContext, sc: SecurityControl, dedicated: boolean): Key {
  if (dedicated) return needed(ctx.dedicatedKey, 'a dedicated key');
  return sc.keySet === 'broadcast' ? needed(ctx.broadcastKey, 'a global broadcast key') : ctx.ek;
}

function params(ctx: SecurityContext, sc: SecurityControl, key: Key, systemTitle: Uint8Array, invocationCounter: number, extraAad?: Uint8Array): GcmParams {
  const p: GcmParams = { suite: ctx.suite, securityControl: sc, systemTitle, invocationCounter, ek: key };
  const withAk = ctx.ak === undefined ? p : { ...p, ak: ctx.ak };
  return extraAad === undefined ? withAk : { ...withAk, extraAad };
}

/** Protects an unciphered APDU (first byte = its tag) under the context's policy. */
export function protectApdu(plain: Uint8Array, ctx: SecurityContext): Uint8Array {
  const sc = ctx.securityControl;
  const dedicated = ctx.dedicated === true;
  const p = params(ctx, sc, sessionKey(ctx, sc, dedicated), ctx.ownSystemTitle, ctx.invocationCounter);
  const content = { securityControl: sc, invocationCounter: ctx.invocationCounter, information: gcmProtect(p, plain) };
  if (ctx.envelope === 'general') {
    return encodeCipheredApduBytes({ type: dedicated ? 'general-ded-ciphering' : 'general-glo-ciphering', systemTitle: ctx.ownSystemTitle, content });
  }
  const plainTag = plain[0];
  if (plainTag === undefined || cipheredTagFor(plainTag, dedicated ? 'ded' : 'glo') === undefined) {
    fail(
      'SECURITY_NO_CIPHERED_FORM',
      0,
      'an APDU with a glo-/ded- form (else use the general envelope)',
      plainTag === undefined ? 'an empty APDU' : `tag 0x${plainTag.toString(16)}`,
    );
  }
  return encodeCipheredApduBytes({ type: 'service-specific', keying: dedicated ? 'ded' : 'glo', plainTag, content });
}

/** Fields of a general-ciphering APDU that the caller chooses (the originator is this party). */
export interface GeneralCipheringFields {
  readonly transactionId: Uint8Array;
  readonly recipientSystemTitle: Uint8Array;
  readonly dateTime?: Uint8Array;
  readonly otherInformation?: Uint8Array;
  readonly keyInfo?: KeyInfo;
  /**
   * The key to cipher with, when the originator already holds the key its key-info conveys (it
   * chose it, then wrapped or agreed it): no need to unwrap or agree it again. Negative cases
   * also use it to cipher with another key than the one conveyed.
   */
  readonly contentKey?: Key;
}

function headerAad(h: GeneralHeader): Uint8Array {
  const w = new ByteWriter();
  encodeGeneralHeader(w, h);
  return w.finish();
}

/** The content key a general-ciphering APDU names in its key-info (Green Book 9.2.7.2.4). */
function generalKey(ctx: SecurityContext, apdu: GeneralCiphering): Key {
  const info = apdu.keyInfo;
  if (info === undefined) return sessionKey(ctx, apdu.content.securityControl, false);
  switch (info.type) {
    case 'identified-key':
      return info.keyId === 'global-broadcast-encryption-key' ? needed(ctx.broadcastKey, 'a global broadcast key') : ctx.ek;
    case 'wrapped-key':
      return unwrapKey(needed(ctx.kek, 'a master key (KEK)'), info.keyCipheredData, 'wrapped key of general-ciphering');
    case 'agreed-key':
      return needed(ctx.agreedKey, 'a resolver for agreed keys')(info, apdu);
    default: {
      const never: never = info;
      throw new Error(`unreachable key-info ${String(never)}`);
    }
  }
}

/** Protects `plain` in a general-ciphering APDU (0xDD). */
export function protectGeneralCiphering(plain: Uint8Array, ctx: SecurityContext, f: GeneralCipheringFields): Uint8Array {
  const sc = ctx.securityControl;
  const header: GeneralHeader = {
    transactionId: f.transactionId,
    originatorSystemTitle: ctx.ownSystemTitle,
    recipientSystemTitle: f.recipientSystemTitle,
    dateTime: f.dateTime ?? new Uint8Array(0),
    otherInformation: f.otherInformation ?? new Uint8Array(0),
  };
  const draft: GeneralCiphering = {
    type: 'general-ciphering',
    ...header,
    ...(f.keyInfo === undefined ? {} : { keyInfo: f.keyInfo }),
    content: { securityControl: sc, invocationCounter: ctx.invocationCounter, information: new Uint8Array(0) },
  };
  const p = params(ctx, sc, f.contentKey ?? generalKey(ctx, draft), ctx.ownSystemTitle, ctx.invocationCounter, headerAad(header));
  return encodeCipheredApduBytes({ ...draft, content: { ...draft.content, information: gcmProtect(p, plain) } });
}

function checkTitle(ctx: SecurityContext, title: Uint8Array, offset: number): void {
  if (title.length !== SYSTEM_TITLE_LENGTH)
    fail('SECURITY_BAD_SYSTEM_TITLE', offset, `a system title of ${SYSTEM_TITLE_LENGTH} bytes`, `${title.length} bytes`);
  if (ctx.peerSystemTitle !== undefined && !bytesEqual(title, ctx.peerSystemTitle)) {
    fail('SECURITY_SYSTEM_TITLE_MISMATCH', offset, `the peer's system title ${toHex(ctx.peerSystemTitle)}`, toHex(title));
  }
}

/**
 * Verifies and deciphers one protected APDU. `base` is the absolute offset of its first byte in
 * the frame, so every error names a frame offset.
 */
export function unprotectApdu(bytes: Uint8Array, ctx: SecurityContext, base = 0): Unprotected {
  const apdu = decodeCipheredApduBytes(bytes, base);
  if (apdu.type === 'general-signing') return unprotectSigned(apdu, ctx, base);
  const { securityControl: sc, invocationCounter, information } = apdu.content;
  // The ciphered content ends every ciphering APDU: locate it from the end.
  const infoOffset = base + bytes.length - information.length;
  const scOffset = infoOffset - 5;
  if (ctx.strictPolicy !== false && policyOf(sc) !== policyOf(ctx.securityControl)) {
    fail('SECURITY_POLICY_MISMATCH', scOffset, `security policy ${policyOf(ctx.securityControl)}`, policyOf(sc));
  }
  let systemTitle: Uint8Array;
  let key: Key;
  let extraAad: Uint8Array | undefined;
  switch (apdu.type) {
    case 'service-specific':
      systemTitle = needed(ctx.peerSystemTitle, "the peer's system title (service-specific ciphering carries none)");
      key = sessionKey(ctx, sc, apdu.keying === 'ded');
      break;
    case 'general-glo-ciphering':
    case 'general-ded-ciphering':
      checkTitle(ctx, apdu.systemTitle, base + 2);
      systemTitle = apdu.systemTitle;
      key = sessionKey(ctx, sc, apdu.type === 'general-ded-ciphering');
      break;
    case 'general-ciphering':
      checkTitle(ctx, apdu.originatorSystemTitle, base);
      systemTitle = apdu.originatorSystemTitle;
      key = generalKey(ctx, apdu);
      extraAad = headerAad(apdu);
      break;
    default: {
      const never: never = apdu;
      throw new Error(`unreachable ciphered APDU ${String(never)}`);
    }
  }
  const plain = gcmUnprotect(params(ctx, sc, key, systemTitle, invocationCounter, extraAad), information, infoOffset, scOffset);
  return { apdu, plain, systemTitle, securityControl: sc, invocationCounter, invocationCounterOffset: scOffset + 1 };
}

/**
 * The bytes a general-signing signature covers: the APDU tag and every field before the
 * signature, as encoded (see docs/decisions/security-general-ciphering-aad.md).
 */
export function generalSigningData(apdu: Omit<GeneralSigning, 'signature'>): Uint8Array {
  const w = new ByteWriter().u8(GENERAL_SIGNING);
  encodeGeneralHeader(w, apdu);
  w.length(apdu.content.length).bytes(apdu.content);
  return w.finish();
}

/** Signs `content` into a general-signing APDU (0xDF) with this party's private key. */
export function signApdu(content: Uint8Array, suite: SecuritySuite, privateKey: Key, header: GeneralHeader): Uint8Array {
  const unsigned = { type: 'general-signing' as const, ...header, content };
  return encodeCipheredApduBytes({ ...unsigned, signature: ecdsaSign(suite, privateKey, generalSigningData(unsigned)) });
}

function unprotectSigned(apdu: GeneralSigning, ctx: SecurityContext, base: number): Unprotected {
  checkTitle(ctx, apdu.originatorSystemTitle, base);
  const key = needed(ctx.peerSigningKey, "the peer's public signing key");
  if (!ecdsaVerify(ctx.suite, key, generalSigningData(apdu), apdu.signature)) {
    fail('SECURITY_BAD_SIGNATURE', base, "a general-signing signature by the peer's key", toHex(apdu.signature));
  }
  return { apdu, plain: apdu.content, systemTitle: apdu.originatorSystemTitle };
}
