/**
 * The protected APDU envelopes as plain data, and their codec (no cryptography here; see
 * protect.ts). Green Book 9.5 xDLMS ASN.1, A-XDR encoded:
 *   service-specific  tag(glo/ded) || length || SC || IC || information
 *   general-glo-ciphering (0xDB), general-ded-ciphering (0xDC):
 *                     tag || system-title (length-prefixed) || ciphered-content (length-prefixed)
 *   general-ciphering (0xDD): transaction-id, originator-system-title, recipient-system-title,
 *                     date-time, other-information (each a length-prefixed OCTET STRING),
 *                     key-info OPTIONAL (Key-Info CHOICE), ciphered-content
 *   general-signing (0xDF): the same five header fields, content, signature
 * In every ciphered-content the security header SC || IC comes first.
 */
import { ByteReader } from '../bytes/reader';
import { ByteWriter } from '../bytes/writer';
import { type SecuredContent, decodeSecuredContent, encodeSecuredContent } from './gcm';
import {
  GENERAL_CIPHERING,
  GENERAL_DED_CIPHERING,
  GENERAL_GLO_CIPHERING,
  GENERAL_SIGNING,
  type Keying,
  cipheredTagFor,
  serviceSpecificTag,
} from './ciphered-tags';
import { fail } from './errors';

export interface ServiceSpecificCiphering {
  readonly type: 'service-specific';
  readonly keying: Keying;
  /** Tag of the APDU inside, e.g. 0xC0 for glo-get-request 0xC8. */
  readonly plainTag: number;
  readonly content: SecuredContent;
}

export interface GeneralGloDedCiphering {
  readonly type: 'general-glo-ciphering' | 'general-ded-ciphering';
  readonly systemTitle: Uint8Array;
  readonly content: SecuredContent;
}

/** Green Book 9.5 Key-Id and Kek-Id. */
export type KeyId = 'global-unicast-encryption-key' | 'global-broadcast-encryption-key';
const KEY_ID: Readonly<Record<KeyId, number>> = { 'global-unicast-encryption-key': 0, 'global-broadcast-encryption-key': 1 };
const KEY_ID_BY_VALUE: readonly KeyId[] = ['global-unicast-encryption-key', 'global-broadcast-encryption-key'];

export type KeyInfo =
  | { readonly type: 'identified-key'; readonly keyId: KeyId }
  | { readonly type: 'wrapped-key'; readonly kekId: 'master-key'; readonly keyCipheredData: Uint8Array }
  | { readonly type: 'agreed-key'; readonly keyParameters: Uint8Array; readonly keyCipheredData: Uint8Array };

/** Key-Info CHOICE tags. */
const KEY_INFO_TAG = { 'identified-key': 0, 'wrapped-key': 1, 'agreed-key': 2 } as const;

/** The header fields general-ciphering and general-signing share. */
export interface GeneralHeader {
  readonly transactionId: Uint8Array;
  readonly originatorSystemTitle: Uint8Array;
  readonly recipientSystemTitle: Uint8Array;
  /** Empty when absent (a zero-length octet string). */
  readonly dateTime: Uint8Array;
  readonly otherInformation: Uint8Array;
}

export interface GeneralCiphering extends GeneralHeader {
  readonly type: 'general-ciphering';
  readonly keyInfo?: KeyInfo;
  readonly content: SecuredContent;
}

export interface GeneralSigning extends GeneralHeader {
  readonly type: 'general-signing';
  readonly content: Uint8Array;
  readonly signature: Uint8Array;
}

export type CipheredApdu = ServiceSpecificCiphering | GeneralGloDedCiphering | GeneralCiphering | GeneralSigning;

function octetString(w: ByteWriter, bytes: Uint8Array): void {
  w.length(bytes.length).bytes(bytes);
}

function readOctetString(r: ByteReader, what: string): Uint8Array {
  return new Uint8Array(r.take(r.length(`${what} length`), what));
}

/** The header fields in their encoded form; general-ciphering also authenticates these bytes. */
export function encodeGeneralHeader(w: ByteWriter, h: GeneralHeader): void {
  octetString(w, h.transactionId);
  octetString(w, h.originatorSystemTitle);
  octetString(w, h.recipientSystemTitle);
  octetString(w, h.dateTime);
  octetString(w, h.otherInformation);
}

function decodeGeneralHeader(r: ByteReader): GeneralHeader {
  return {
    transactionId: readOctetString(r, 'transaction-id'),
    originatorSystemTitle: readOctetString(r, 'originator-system-title'),
    recipientSystemTitle: readOctetString(r, 'recipient-system-title'),
    dateTime: readOctetString(r, 'date-time'),
    otherInformation: readOctetString(r, 'other-information'),
  };
}

function encodeKeyInfo(w: ByteWriter, k: KeyInfo): void {
  w.u8(KEY_INFO_TAG[k.type]);
  switch (k.type) {
    case 'identified-key':
      w.u8(KEY_ID[k.keyId]);
      return;
    case 'wrapped-key':
      w.u8(0); // Kek-Id master-key (0)
      octetString(w, k.keyCipheredData);
      return;
    case 'agreed-key':
      octetString(w, k.keyParameters);
      octetString(w, k.keyCipheredData);
      return;
    default: {
      const never: never = k;
      throw new Error(`unreachable key-info ${String(never)}`);
    }
  }
}

function decodeKeyInfo(r: ByteReader): KeyInfo {
  const at = r.offset;
  const choice = r.u8('key-info choice');
  switch (choice) {
    case KEY_INFO_TAG['identified-key']: {
      const idAt = r.offset;
      const value = r.u8('key-id');
      const keyId = KEY_ID_BY_VALUE[value];
      if (keyId === undefined) fail('SECURITY_UNKNOWN_KEY_INFO', idAt, 'key-id 0 (global unicast) or 1 (global broadcast)', String(value));
      return { type: 'identified-key', keyId };
    }
    case KEY_INFO_TAG['wrapped-key']: {
      const kekAt = r.offset;
      const kek = r.u8('kek-id');
      if (kek !== 0) fail('SECURITY_UNKNOWN_KEY_INFO', kekAt, 'kek-id 0 (master-key)', String(kek));
      return { type: 'wrapped-key', kekId: 'master-key', keyCipheredData: readOctetString(r, 'key-ciphered-data') };
    }
    case KEY_INFO_TAG['agreed-key']:
      return { type: 'agreed-key', keyParameters: readOctetString(r, 'key-parameters'), keyCipheredData: readOctetString(r, 'key-ciphered-data') };
    default:
      return fail('SECURITY_UNKNOWN_KEY_INFO', at, 'key-info [0] identified, [1] wrapped or [2] agreed', String(choice));
  }
}

function contentBytes(c: SecuredContent): Uint8Array {
  return encodeSecuredContent(c);
}

function readContent(r: ByteReader, what: string): SecuredContent {
  const inner = r.sub(r.length(`${what} length`), what);
  return decodeSecuredContent(inner);
}

export function encodeCipheredApdu(w: ByteWriter, apdu: CipheredApdu): void {
  switch (apdu.type) {
    case 'service-specific': {
      const tag = cipheredTagFor(apdu.plainTag, apdu.keying);
      if (tag === undefined) fail('SECURITY_NO_CIPHERED_FORM', 0, 'an APDU with a glo-/ded- form', `tag 0x${apdu.plainTag.toString(16)}`);
      octetString(w.u8(tag), contentBytes(apdu.content));
      return;
    }
    case 'general-glo-ciphering':
    case 'general-ded-ciphering':
      w.u8(apdu.type === 'general-glo-ciphering' ? GENERAL_GLO_CIPHERING : GENERAL_DED_CIPHERING);
      octetString(w, apdu.systemTitle);
      octetString(w, contentBytes(apdu.content));
      return;
    case 'general-ciphering':
      w.u8(GENERAL_CIPHERING);
      encodeGeneralHeader(w, apdu);
      if (apdu.keyInfo === undefined) w.u8(0);
      else encodeKeyInfo(w.u8(1), apdu.keyInfo);
      octetString(w, contentBytes(apdu.content));
      return;
    case 'general-signing':
      w.u8(GENERAL_SIGNING);
      encodeGeneralHeader(w, apdu);
      octetString(w, apdu.content);
      octetString(w, apdu.signature);
      return;
    default: {
      const never: never = apdu;
      throw new Error(`unreachable ciphered APDU ${String(never)}`);
    }
  }
}

/** Decodes one protected APDU from `r`; the caller checks that nothing follows. */
export function decodeCipheredApdu(r: ByteReader): CipheredApdu {
  const at = r.offset;
  const tag = r.u8('APDU tag');
  const specific = serviceSpecificTag(tag);
  if (specific !== undefined) {
    return { type: 'service-specific', keying: specific.keying, plainTag: specific.row.plainTag, content: readContent(r, 'ciphered content') };
  }
  switch (tag) {
    case GENERAL_GLO_CIPHERING:
    case GENERAL_DED_CIPHERING:
      return {
        type: tag === GENERAL_GLO_CIPHERING ? 'general-glo-ciphering' : 'general-ded-ciphering',
        systemTitle: readOctetString(r, 'system-title'),
        content: readContent(r, 'ciphered-content'),
      };
    case GENERAL_CIPHERING: {
      const header = decodeGeneralHeader(r);
      const presentAt = r.offset;
      const present = r.u8('key-info presence');
      if (present > 1) fail('SECURITY_UNKNOWN_KEY_INFO', presentAt, 'key-info OPTIONAL flag 0 or 1', String(present));
      const keyInfo = present === 1 ? decodeKeyInfo(r) : undefined;
      const content = readContent(r, 'ciphered-content');
      return keyInfo === undefined ? { type: 'general-ciphering', ...header, content } : { type: 'general-ciphering', ...header, keyInfo, content };
    }
    case GENERAL_SIGNING: {
      const header = decodeGeneralHeader(r);
      return { type: 'general-signing', ...header, content: readOctetString(r, 'content'), signature: readOctetString(r, 'signature') };
    }
    default:
      return fail('SECURITY_NOT_CIPHERED', at, 'a glo-, ded- or general protection APDU tag', `0x${tag.toString(16).padStart(2, '0')}`);
  }
}

/** One complete protected APDU: TRAILING_BYTES if anything follows it. */
export function decodeCipheredApduBytes(bytes: Uint8Array, base = 0): CipheredApdu {
  const r = new ByteReader(bytes, base);
  const apdu = decodeCipheredApdu(r);
  r.expectEnd('protected APDU');
  return apdu;
}

export function encodeCipheredApduBytes(apdu: CipheredApdu): Uint8Array {
  const w = new ByteWriter();
  encodeCipheredApdu(w, apdu);
  return w.finish();
}
