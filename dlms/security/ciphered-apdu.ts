/**
 * The protected APDU envelopes as dlms/security sees them: the ciphered content parsed into its
 * security header and information, and the tags it can decipher. The envelope bytes themselves
 * are laid out by dlms/xdlms/ciphered.ts, the one codec for them; this file only converts (no
 * cryptography here; see protect.ts). Green Book 9.5 xDLMS ASN.1, A-XDR encoded:
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
import {
  KEK_ID,
  KEY_INFO_KIND,
  KEY_ID as KEY_ID_TABLE,
  SERVICE_CIPHERED_TAG,
  cipheredDecoders,
  cipheredTagValue,
  encodeCiphered,
  readKeyInfo,
  type CipheredApdu as Envelope,
  type GeneralHeader,
  type KeyInfo as EnvelopeKeyInfo,
  type ServiceCipheredTag,
} from '../xdlms/ciphered';
import { type SecuredContent, decodeSecuredContent, encodeSecuredContent } from './gcm';
import { type Keying, cipheredTagFor, serviceSpecificTag } from './ciphered-tags';
import { fail } from './errors';

export { encodeGeneralHeader, type GeneralHeader } from '../xdlms/ciphered';

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

/** Green Book 9.5 Key-Id: only the keys this folder can pick (dlms/xdlms keeps other values as numbers). */
export type KeyId = (typeof KEY_ID_TABLE.names)[number];

export type KeyInfo =
  | { readonly type: 'identified-key'; readonly keyId: KeyId }
  | { readonly type: 'wrapped-key'; readonly kekId: 'master-key'; readonly keyCipheredData: Uint8Array }
  | { readonly type: 'agreed-key'; readonly keyParameters: Uint8Array; readonly keyCipheredData: Uint8Array };

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

/**
 * The key-info reader dlms/xdlms uses, after a look ahead that refuses, with
 * SECURITY_UNKNOWN_KEY_INFO at the byte at fault, what no key can be chosen for: a presence flag
 * other than 0 or 1, an unknown CHOICE, key-id or kek-id. Nothing after the key-info is read first.
 */
function checkedKeyInfo(r: ByteReader): EnvelopeKeyInfo | undefined {
  const ahead = new ByteReader(r.bytes.subarray(r.offset - r.base), r.offset);
  const presentAt = ahead.offset;
  const present = ahead.u8('key-info presence');
  if (present > 1) fail('SECURITY_UNKNOWN_KEY_INFO', presentAt, 'key-info OPTIONAL flag 0 or 1', String(present));
  if (present === 1) {
    const at = ahead.offset;
    const choice = ahead.u8('key-info choice');
    const idAt = ahead.offset;
    if (choice === KEY_INFO_KIND['identified-key']) {
      const value = ahead.u8('key-id');
      if (typeof KEY_ID_TABLE.name(value) === 'number')
        fail('SECURITY_UNKNOWN_KEY_INFO', idAt, 'key-id 0 (global unicast) or 1 (global broadcast)', String(value));
    } else if (choice === KEY_INFO_KIND['wrapped-key']) {
      const kek = ahead.u8('kek-id');
      if (typeof KEK_ID.name(kek) === 'number') fail('SECURITY_UNKNOWN_KEY_INFO', idAt, 'kek-id 0 (master-key)', String(kek));
    } else if (choice !== KEY_INFO_KIND['agreed-key']) {
      fail('SECURITY_UNKNOWN_KEY_INFO', at, 'key-info [0] identified, [1] wrapped or [2] agreed', String(choice));
    }
  }
  return readKeyInfo(r);
}

const ENVELOPE_DECODERS = cipheredDecoders(checkedKeyInfo);

/** The two KeyInfo shapes differ only in the name of the discriminant (checkedKeyInfo vouches for the names). */
function fromEnvelopeKeyInfo({ kind, ...fields }: EnvelopeKeyInfo): KeyInfo {
  return { type: kind, ...fields } as KeyInfo;
}

function toEnvelopeKeyInfo({ type, ...fields }: KeyInfo): EnvelopeKeyInfo {
  return { kind: type, ...fields } as EnvelopeKeyInfo;
}

const SERVICE_TAG_NAME = new Map<number, ServiceCipheredTag>(
  (Object.keys(SERVICE_CIPHERED_TAG) as ServiceCipheredTag[]).map((name) => [SERVICE_CIPHERED_TAG[name], name]),
);

function toEnvelope(apdu: CipheredApdu): Envelope {
  switch (apdu.type) {
    case 'service-specific': {
      const tag = cipheredTagFor(apdu.plainTag, apdu.keying);
      const name = tag === undefined ? undefined : SERVICE_TAG_NAME.get(tag);
      if (name === undefined) return fail('SECURITY_NO_CIPHERED_FORM', 0, 'an APDU with a glo-/ded- form', `tag 0x${apdu.plainTag.toString(16)}`);
      return { type: 'ciphered', tag: name, content: encodeSecuredContent(apdu.content) };
    }
    case 'general-glo-ciphering':
    case 'general-ded-ciphering':
      return { type: 'ciphered', tag: apdu.type, systemTitle: apdu.systemTitle, content: encodeSecuredContent(apdu.content) };
    case 'general-ciphering': {
      const { type, keyInfo, content, ...header } = apdu;
      return {
        type: 'ciphered',
        tag: type,
        ...header,
        ...(keyInfo !== undefined && { keyInfo: toEnvelopeKeyInfo(keyInfo) }),
        content: encodeSecuredContent(content),
      };
    }
    case 'general-signing': {
      const { type, ...fields } = apdu;
      return { type: 'ciphered', tag: type, ...fields };
    }
    default: {
      const never: never = apdu;
      throw new Error(`unreachable ciphered APDU ${String(never)}`);
    }
  }
}

/** `end` is the offset just after the envelope: every ciphered content is its last field. */
function fromEnvelope(e: Envelope, end: number): CipheredApdu {
  const secured = (content: Uint8Array): SecuredContent => decodeSecuredContent(new ByteReader(content, end - content.length));
  switch (e.tag) {
    case 'general-glo-ciphering':
    case 'general-ded-ciphering':
      return { type: e.tag, systemTitle: e.systemTitle, content: secured(e.content) };
    case 'general-ciphering': {
      const { type: _type, tag, keyInfo, content, ...header } = e;
      return { type: tag, ...header, ...(keyInfo !== undefined && { keyInfo: fromEnvelopeKeyInfo(keyInfo) }), content: secured(content) };
    }
    case 'general-signing': {
      const { type: _type, tag, ...fields } = e;
      return { type: tag, ...fields };
    }
    default: {
      const specific = serviceSpecificTag(SERVICE_CIPHERED_TAG[e.tag]);
      if (specific === undefined) throw new Error(`${e.tag} is missing from CIPHERED_TAGS`);
      return { type: 'service-specific', keying: specific.keying, plainTag: specific.row.plainTag, content: secured(e.content) };
    }
  }
}

export function encodeCipheredApdu(w: ByteWriter, apdu: CipheredApdu): void {
  const envelope = toEnvelope(apdu);
  encodeCiphered(w.u8(cipheredTagValue(envelope.tag)), envelope);
}

/** Decodes one protected APDU from `r`; the caller checks that nothing follows. */
export function decodeCipheredApdu(r: ByteReader): CipheredApdu {
  const at = r.offset;
  const tag = r.u8('APDU tag');
  const decode = ENVELOPE_DECODERS.get(tag);
  if (decode === undefined) return fail('SECURITY_NOT_CIPHERED', at, 'a glo-, ded- or general protection APDU tag', `0x${tag.toString(16).padStart(2, '0')}`);
  return fromEnvelope(decode(r), r.offset);
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
