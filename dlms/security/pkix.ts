/**
 * The minimum of X.509 that suites 1 and 2 need (Green Book 9.2.3.4.7, "certificates"; Blue
 * Book 4.4.7 generate_certificate_request, import_certificate): a PKCS#10 certification request
 * (RFC 2986) for a key pair, a certificate (RFC 5280, version 3, no extensions) issued from such
 * a request, and the few fields read back from either. The subject is CN = the system title in
 * hex, as DLMS device certificates name it. Signatures are ECDSA with the suite's hash, DER
 * encoded as X.509 requires (not r || s as in DLMS APDUs).
 */
import { X509Certificate, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { ByteReader } from '../bytes/reader';
import { ByteWriter } from '../bytes/writer';
import { toHex } from '../bytes/hex';
import { decodeOid, encodeOid } from '../ber/oid';
import { eccPublicKey } from './ecc';
import { fail } from './errors';
import type { Key } from './key';
import { type SecuritySuite, eccOf } from './suite';

const SEQUENCE = 0x30;
const SET = 0x31;
const INTEGER = 0x02;
const BIT_STRING = 0x03;
const OID = 0x06;
const UTF8_STRING = 0x0c;
const UTC_TIME = 0x17;
const CONTEXT_0 = 0xa0;
/** id-at-commonName (X.520). */
const OID_CN = '2.5.4.3';
/** ecdsa-with-SHA256 / -SHA384 (RFC 5758). */
const SIGNATURE_OID = { sha256: '1.2.840.10045.4.3.2', sha384: '1.2.840.10045.4.3.3' } as const;

function tlv(tag: number, body: (w: ByteWriter) => void): (w: ByteWriter) => void {
  return (w) => {
    w.u8(tag).withLength(body);
  };
}

function all(...parts: ((w: ByteWriter) => void)[]): (w: ByteWriter) => void {
  return (w) => parts.forEach((p) => p(w));
}

function raw(bytes: Uint8Array): (w: ByteWriter) => void {
  return (w) => {
    w.bytes(bytes);
  };
}

function der(body: (w: ByteWriter) => void): Uint8Array {
  const w = new ByteWriter();
  body(w);
  return w.finish();
}

/** A non-negative INTEGER from big-endian magnitude bytes (a 0x00 prefix keeps it positive). */
function integer(magnitude: Uint8Array): (w: ByteWriter) => void {
  let m = magnitude;
  while (m.length > 1 && m[0] === 0 && (m[1]! & 0x80) === 0) m = m.subarray(1);
  return tlv(INTEGER, (w) => {
    if ((m[0] ?? 0) & 0x80) w.u8(0);
    w.bytes(m.length === 0 ? Uint8Array.of(0) : m);
  });
}

function oid(text: string): (w: ByteWriter) => void {
  return tlv(OID, (w) => encodeOid(w, text));
}

function commonName(cn: string): (w: ByteWriter) => void {
  return tlv(SEQUENCE, tlv(SET, tlv(SEQUENCE, all(oid(OID_CN), tlv(UTF8_STRING, raw(new TextEncoder().encode(cn)))))));
}

function b64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

function publicKeyObject(suite: SecuritySuite, publicKey: Uint8Array): KeyObject {
  const ecc = eccOf(suite);
  const n = ecc.coordinateLength;
  return createPublicKey({ key: { kty: 'EC', crv: ecc.curve, x: b64url(publicKey.subarray(0, n)), y: b64url(publicKey.subarray(n, 2 * n)) }, format: 'jwk' });
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

/** SubjectPublicKeyInfo (RFC 5480) of an x || y public key. */
export function subjectPublicKeyInfo(suite: SecuritySuite, publicKey: Uint8Array): Uint8Array {
  return new Uint8Array(publicKeyObject(suite, publicKey).export({ type: 'spki', format: 'der' }));
}

function signatureAlgorithm(suite: SecuritySuite): (w: ByteWriter) => void {
  return tlv(SEQUENCE, oid(SIGNATURE_OID[eccOf(suite).hash]));
}

function signed(suite: SecuritySuite, signer: Key, tbs: Uint8Array): Uint8Array {
  const signature = new Uint8Array(sign(eccOf(suite).hash, tbs, { key: privateKeyObject(suite, signer), dsaEncoding: 'der' }));
  // The signature BIT STRING has no unused bits.
  return der(tlv(SEQUENCE, all(raw(tbs), signatureAlgorithm(suite), tlv(BIT_STRING, all(raw(Uint8Array.of(0)), raw(signature))))));
}

/** The subject CN DLMS device certificates use: the system title, 16 hex digits. */
export function systemTitleName(systemTitle: Uint8Array): string {
  return toHex(systemTitle);
}

/** A PKCS#10 request for the key pair of `privateKey`, subject CN = `subject`, signed by that key. */
export function certificationRequest(suite: SecuritySuite, privateKey: Key, subject: string): Uint8Array {
  const info = der(
    tlv(
      SEQUENCE,
      all(integer(Uint8Array.of(0)), commonName(subject), raw(subjectPublicKeyInfo(suite, eccPublicKey(suite, privateKey))), (w) => {
        w.u8(CONTEXT_0).u8(0); // attributes [0] IMPLICIT SET OF Attribute: none
      }),
    ),
  );
  return signed(suite, privateKey, info);
}

export interface CertificationRequestInfo {
  readonly subject: string;
  /** x || y. */
  readonly publicKey: Uint8Array;
  /** The request's self-signature verifies (proof of possession). */
  readonly selfSigned: boolean;
}

function element(r: ByteReader, tag: number, what: string): ByteReader {
  const at = r.offset;
  const t = r.u8(`${what} tag`);
  if (t !== tag) return fail('SECURITY_BAD_CERTIFICATE', at, `${what} (tag 0x${tag.toString(16)})`, `tag 0x${t.toString(16)}`);
  return r.sub(r.length(`${what} length`), what);
}

/** The bytes of the whole next element (tag and length included); `all` is what `r` reads, from offset 0. */
function elementBytes(r: ByteReader, all: Uint8Array, what: string): Uint8Array {
  const start = r.offset;
  r.u8(`${what} tag`);
  r.take(r.length(`${what} length`), what);
  return all.subarray(start, r.offset);
}

function readCommonName(name: ByteReader): string {
  let cn = '';
  while (!name.done) {
    const rdn = element(name, SET, 'relative distinguished name');
    const atv = element(rdn, SEQUENCE, 'attribute type and value');
    const type = element(atv, OID, 'attribute type');
    const typeOid = decodeOid(type.rest(), 0);
    const valueTag = atv.u8('attribute value tag');
    const value = atv.take(atv.length('attribute value length'), 'attribute value');
    if (typeOid === OID_CN && valueTag !== undefined) cn = new TextDecoder().decode(value);
  }
  return cn;
}

function wrapCertificateError<T>(what: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof Error && 'code' in e && typeof (e as { code: unknown }).code === 'string' && String((e as { code: string }).code).startsWith('SECURITY_'))
      throw e;
    return fail('SECURITY_BAD_CERTIFICATE', 0, what, e instanceof Error ? e.message : String(e));
  }
}

/** Reads a PKCS#10 request: its subject CN and key, and whether its self-signature holds. */
export function readCertificationRequest(suite: SecuritySuite, request: Uint8Array): CertificationRequestInfo {
  return wrapCertificateError('a DER PKCS#10 certification request', () => {
    const outer = element(new ByteReader(request), SEQUENCE, 'CertificationRequest');
    const infoBytes = elementBytes(outer, request, 'certificationRequestInfo');
    element(outer, SEQUENCE, 'signatureAlgorithm');
    const sig = element(outer, BIT_STRING, 'signature');
    sig.u8('unused bits');
    const info = element(new ByteReader(infoBytes), SEQUENCE, 'certificationRequestInfo');
    element(info, INTEGER, 'version');
    const subject = readCommonName(element(info, SEQUENCE, 'subject'));
    const spki = elementBytes(info, infoBytes, 'subjectPKInfo');
    const jwk = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' }).export({ format: 'jwk' });
    const publicKey = new Uint8Array([...Buffer.from(jwk.x ?? '', 'base64url'), ...Buffer.from(jwk.y ?? '', 'base64url')]);
    const selfSigned = verify(eccOf(suite).hash, infoBytes, { key: publicKeyObject(suite, publicKey), dsaEncoding: 'der' }, sig.rest());
    return { subject, publicKey, selfSigned };
  });
}

function utcTime(d: Date): (w: ByteWriter) => void {
  const p = (n: number) => String(n).padStart(2, '0');
  const text = `${p(d.getUTCFullYear() % 100)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  return tlv(UTC_TIME, raw(new TextEncoder().encode(text)));
}

export interface CertificateFields {
  readonly serialNumber: Uint8Array;
  readonly issuer: string;
  readonly subject: string;
  /** x || y of the subject's key. */
  readonly subjectPublicKey: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/** An X.509 v3 certificate (no extensions) signed by `issuerKey`. */
export function issueCertificate(suite: SecuritySuite, issuerKey: Key, f: CertificateFields): Uint8Array {
  const tbs = der(
    tlv(
      SEQUENCE,
      all(
        tlv(CONTEXT_0, integer(Uint8Array.of(2))),
        integer(f.serialNumber),
        signatureAlgorithm(suite),
        commonName(f.issuer),
        tlv(SEQUENCE, all(utcTime(f.notBefore), utcTime(f.notAfter))),
        commonName(f.subject),
        raw(subjectPublicKeyInfo(suite, f.subjectPublicKey)),
      ),
    ),
  );
  return signed(suite, issuerKey, tbs);
}

export interface CertificateInfo {
  readonly serialNumber: Uint8Array;
  /** Issuer and subject as node prints them (`CN=…`). */
  readonly issuer: string;
  readonly subject: string;
  readonly subjectAltName: string;
  /** The subject CN alone. */
  readonly subjectCommonName: string;
  /** x || y of the subject's key; empty when it is not a key of the suite's curve. */
  readonly publicKey: Uint8Array;
}

/** The fields of a DER certificate that the Security setup object reports (Blue Book 4.4.7 certificate_info). */
export function readCertificate(suite: SecuritySuite, certificate: Uint8Array): CertificateInfo {
  return wrapCertificateError('a DER X.509 certificate', () => {
    const cert = new X509Certificate(Buffer.from(certificate));
    const jwk = cert.publicKey.export({ format: 'jwk' });
    const key =
      jwk.crv === eccOf(suite).curve ? new Uint8Array([...Buffer.from(jwk.x ?? '', 'base64url'), ...Buffer.from(jwk.y ?? '', 'base64url')]) : new Uint8Array(0);
    const cn = /(?:^|\n)CN=([^\n]*)/.exec(cert.subject)?.[1] ?? '';
    return {
      serialNumber: new Uint8Array(Buffer.from(cert.serialNumber.length % 2 ? `0${cert.serialNumber}` : cert.serialNumber, 'hex')),
      issuer: cert.issuer,
      subject: cert.subject,
      subjectAltName: cert.subjectAltName ?? '',
      subjectCommonName: cn,
      publicKey: key,
    };
  });
}
