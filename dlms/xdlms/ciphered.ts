import { ByteReader, ByteWriter } from '../bytes';
import { failChoice, readOctetString, readOptional, writeEnum, writeOctetString, writeOptional } from './axdr-fields';
import { enumTable, type Named } from './named';

/**
 * Protected APDUs carried opaquely (Green Book 9.5 xDLMS-APDU CHOICE; 9.2.7 security): the
 * security layer (dlms/security) deciphers and verifies them; here they are only framed, so a
 * trace can show them and re-encoding reproduces them.
 *   service-specific glo-/ded- APDUs: [tag] IMPLICIT OCTET STRING (SC || IC || ciphertext || tag)
 *   general-glo-ciphering [219] / general-ded-ciphering [220]: system-title, ciphered-content
 *   general-ciphering [221]: transaction-id, originator- and recipient-system-title, date-time,
 *     other-information, key-info OPTIONAL, ciphered-content
 *   general-signing [223]: the same five header fields, content, signature
 */
export const SERVICE_CIPHERED_TAG = {
  'glo-initiate-request': 0x21,
  'glo-read-request': 0x25,
  'glo-write-request': 0x26,
  'glo-initiate-response': 0x28,
  'glo-read-response': 0x2c,
  'glo-write-response': 0x2d,
  'glo-confirmed-service-error': 0x2e,
  'glo-unconfirmed-write-request': 0x36,
  'glo-information-report-request': 0x38,
  'ded-initiate-request': 0x41,
  'ded-read-request': 0x45,
  'ded-write-request': 0x46,
  'ded-initiate-response': 0x48,
  'ded-read-response': 0x4c,
  'ded-write-response': 0x4d,
  'ded-confirmed-service-error': 0x4e,
  'ded-unconfirmed-write-request': 0x56,
  'ded-information-report-request': 0x58,
  'glo-get-request': 0xc8,
  'glo-set-request': 0xc9,
  'glo-event-notification-request': 0xca,
  'glo-action-request': 0xcb,
  'glo-get-response': 0xcc,
  'glo-set-response': 0xcd,
  'glo-action-response': 0xcf,
  'ded-get-request': 0xd0,
  'ded-set-request': 0xd1,
  'ded-event-notification-request': 0xd2,
  'ded-action-request': 0xd3,
  'ded-get-response': 0xd4,
  'ded-set-response': 0xd5,
  'ded-action-response': 0xd7,
} as const;

export const GENERAL_CIPHERED_TAG = {
  'general-glo-ciphering': 0xdb,
  'general-ded-ciphering': 0xdc,
  'general-ciphering': 0xdd,
  'general-signing': 0xdf,
} as const;

export type ServiceCipheredTag = keyof typeof SERVICE_CIPHERED_TAG;

/** Key-Id and Kek-Id (Green Book 9.5, Key-Info). */
export const KEY_ID = enumTable({ 'global-unicast-encryption-key': 0, 'global-broadcast-encryption-key': 1 });
export const KEK_ID = enumTable({ 'master-key': 0 });

export type KeyInfo =
  | { readonly kind: 'identified-key'; readonly keyId: Named<(typeof KEY_ID.names)[number]> }
  | { readonly kind: 'wrapped-key'; readonly kekId: Named<(typeof KEK_ID.names)[number]>; readonly keyCipheredData: Uint8Array }
  | { readonly kind: 'agreed-key'; readonly keyParameters: Uint8Array; readonly keyCipheredData: Uint8Array };

/** Key-Info CHOICE tags. */
export const KEY_INFO_KIND = { 'identified-key': 0, 'wrapped-key': 1, 'agreed-key': 2 } as const;

/** The header fields general-ciphering and general-signing share (each an OCTET STRING, possibly empty). */
export interface GeneralHeader {
  readonly transactionId: Uint8Array;
  readonly originatorSystemTitle: Uint8Array;
  readonly recipientSystemTitle: Uint8Array;
  readonly dateTime: Uint8Array;
  readonly otherInformation: Uint8Array;
}

export type CipheredApdu =
  | { readonly type: 'ciphered'; readonly tag: ServiceCipheredTag; readonly content: Uint8Array }
  | {
      readonly type: 'ciphered';
      readonly tag: 'general-glo-ciphering' | 'general-ded-ciphering';
      readonly systemTitle: Uint8Array;
      readonly content: Uint8Array;
    }
  | ({ readonly type: 'ciphered'; readonly tag: 'general-ciphering'; readonly keyInfo?: KeyInfo; readonly content: Uint8Array } & GeneralHeader)
  | ({ readonly type: 'ciphered'; readonly tag: 'general-signing'; readonly content: Uint8Array; readonly signature: Uint8Array } & GeneralHeader);

export type CipheredTag = CipheredApdu['tag'];

/** The APDU tag octet of a ciphered APDU. */
export function cipheredTagValue(tag: CipheredTag): number {
  return tag in SERVICE_CIPHERED_TAG ? SERVICE_CIPHERED_TAG[tag as ServiceCipheredTag] : GENERAL_CIPHERED_TAG[tag as keyof typeof GENERAL_CIPHERED_TAG];
}

const octets = (r: ByteReader, what: string): Uint8Array => readOctetString(r, what);

export function decodeKeyInfo(r: ByteReader): KeyInfo {
  const at = r.offset;
  const choice = r.u8('key-info choice');
  switch (choice) {
    case KEY_INFO_KIND['identified-key']:
      return { kind: 'identified-key', keyId: KEY_ID.name(r.u8('key-id')) };
    case KEY_INFO_KIND['wrapped-key']: {
      const kekId = KEK_ID.name(r.u8('kek-id'));
      return { kind: 'wrapped-key', kekId, keyCipheredData: octets(r, 'key-ciphered-data') };
    }
    case KEY_INFO_KIND['agreed-key']: {
      const keyParameters = octets(r, 'key-parameters');
      return { kind: 'agreed-key', keyParameters, keyCipheredData: octets(r, 'key-ciphered-data') };
    }
    default:
      return failChoice(at, 'key-info', choice);
  }
}

function encodeKeyInfo(w: ByteWriter, k: KeyInfo): void {
  w.u8(KEY_INFO_KIND[k.kind]);
  switch (k.kind) {
    case 'identified-key':
      writeEnum(w, KEY_ID.value(k.keyId), 'key-info.key-id');
      return;
    case 'wrapped-key':
      writeEnum(w, KEK_ID.value(k.kekId), 'key-info.kek-id');
      writeOctetString(w, k.keyCipheredData);
      return;
    case 'agreed-key':
      writeOctetString(w, k.keyParameters);
      writeOctetString(w, k.keyCipheredData);
      return;
    default: {
      const never: never = k;
      return never;
    }
  }
}

function decodeGeneralHeader(r: ByteReader): GeneralHeader {
  return {
    transactionId: octets(r, 'transaction-id'),
    originatorSystemTitle: octets(r, 'originator-system-title'),
    recipientSystemTitle: octets(r, 'recipient-system-title'),
    dateTime: octets(r, 'date-time'),
    otherInformation: octets(r, 'other-information'),
  };
}

/** The header fields in their encoded form; dlms/security also authenticates these bytes. */
export function encodeGeneralHeader(w: ByteWriter, h: GeneralHeader): void {
  for (const field of [h.transactionId, h.originatorSystemTitle, h.recipientSystemTitle, h.dateTime, h.otherInformation]) writeOctetString(w, field);
}

export function decodeServiceCiphered(r: ByteReader, tag: ServiceCipheredTag): CipheredApdu {
  return { type: 'ciphered', tag, content: octets(r, tag) };
}

export function decodeGeneralGloDed(r: ByteReader, tag: 'general-glo-ciphering' | 'general-ded-ciphering'): CipheredApdu {
  const systemTitle = octets(r, 'system-title');
  return { type: 'ciphered', tag, systemTitle, content: octets(r, 'ciphered-content') };
}

/** Reads the OPTIONAL key-info of general-ciphering. */
export type KeyInfoReader = (r: ByteReader) => KeyInfo | undefined;

export const readKeyInfo: KeyInfoReader = (r) => readOptional(r, 'key-info', decodeKeyInfo);

export function decodeGeneralCiphering(r: ByteReader, keyInfoReader: KeyInfoReader = readKeyInfo): CipheredApdu {
  const header = decodeGeneralHeader(r);
  const keyInfo = keyInfoReader(r);
  const content = octets(r, 'ciphered-content');
  return { type: 'ciphered', tag: 'general-ciphering', ...header, ...(keyInfo !== undefined && { keyInfo }), content };
}

export function decodeGeneralSigning(r: ByteReader): CipheredApdu {
  const header = decodeGeneralHeader(r);
  const content = octets(r, 'content');
  return { type: 'ciphered', tag: 'general-signing', ...header, content, signature: octets(r, 'signature') };
}

/**
 * Tag octet → decoder of what follows it, for every ciphered APDU. `keyInfoReader` lets
 * dlms/security refuse a key-info it cannot use before anything after it is read; this codec
 * keeps unknown key-id values as numbers.
 */
export function cipheredDecoders(keyInfoReader: KeyInfoReader = readKeyInfo): ReadonlyMap<number, (r: ByteReader) => CipheredApdu> {
  return new Map<number, (r: ByteReader) => CipheredApdu>([
    ...(Object.keys(SERVICE_CIPHERED_TAG) as ServiceCipheredTag[]).map((t): [number, (r: ByteReader) => CipheredApdu] => [
      SERVICE_CIPHERED_TAG[t],
      (r) => decodeServiceCiphered(r, t),
    ]),
    [GENERAL_CIPHERED_TAG['general-glo-ciphering'], (r) => decodeGeneralGloDed(r, 'general-glo-ciphering')],
    [GENERAL_CIPHERED_TAG['general-ded-ciphering'], (r) => decodeGeneralGloDed(r, 'general-ded-ciphering')],
    [GENERAL_CIPHERED_TAG['general-ciphering'], (r) => decodeGeneralCiphering(r, keyInfoReader)],
    [GENERAL_CIPHERED_TAG['general-signing'], decodeGeneralSigning],
  ]);
}

/** Encodes everything after the tag octet. */
export function encodeCiphered(w: ByteWriter, v: CipheredApdu): void {
  switch (v.tag) {
    case 'general-glo-ciphering':
    case 'general-ded-ciphering':
      writeOctetString(w, v.systemTitle);
      writeOctetString(w, v.content);
      return;
    case 'general-ciphering':
      encodeGeneralHeader(w, v);
      writeOptional(w, v.keyInfo, encodeKeyInfo);
      writeOctetString(w, v.content);
      return;
    case 'general-signing':
      encodeGeneralHeader(w, v);
      writeOctetString(w, v.content);
      writeOctetString(w, v.signature);
      return;
    default:
      writeOctetString(w, v.content);
  }
}
