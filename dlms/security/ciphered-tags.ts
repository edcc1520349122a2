import { GENERAL_CIPHERED_TAG, SERVICE_CIPHERED_TAG, type ServiceCipheredTag } from '../xdlms/ciphered';

/**
 * Which APDUs have a service-specific ciphered form, and its tags (Green Book 9.5, xDLMS-APDU
 * CHOICE: glo-* and ded-* alternatives, each an IMPLICIT OCTET STRING). Values checked against
 * the xDLMS ASN.1 as published in open implementations: glo = [33..56] and [200..207],
 * ded = [65..88] and [208..215]. APDUs not listed here (data-notification, exception-response,
 * access-request/-response, …) can only be protected with the general ciphering APDUs.
 */
export interface CipheredTagRow {
  /** The unciphered APDU's name and tag. */
  readonly plain: string;
  readonly plainTag: number;
  readonly glo: number;
  readonly ded: number;
}

/** The service an xDLMS glo-/ded- tag name protects: 'get-request' for 'glo-get-request'. */
type Service<T = ServiceCipheredTag> = T extends `glo-${infer S}` ? S : never;

/** The glo- and ded- tag values come from the xDLMS codec's table, so they are stated once. */
function row(plain: string, plainTag: number, service: Service): CipheredTagRow {
  return { plain, plainTag, glo: SERVICE_CIPHERED_TAG[`glo-${service}`], ded: SERVICE_CIPHERED_TAG[`ded-${service}`] };
}

export const CIPHERED_TAGS: readonly CipheredTagRow[] = [
  row('initiateRequest', 0x01, 'initiate-request'),
  row('readRequest', 0x05, 'read-request'),
  row('writeRequest', 0x06, 'write-request'),
  row('initiateResponse', 0x08, 'initiate-response'),
  row('readResponse', 0x0c, 'read-response'),
  row('writeResponse', 0x0d, 'write-response'),
  row('confirmedServiceError', 0x0e, 'confirmed-service-error'),
  row('unconfirmedWriteRequest', 0x16, 'unconfirmed-write-request'),
  row('informationReportRequest', 0x18, 'information-report-request'),
  row('get-request', 0xc0, 'get-request'),
  row('set-request', 0xc1, 'set-request'),
  row('event-notification-request', 0xc2, 'event-notification-request'),
  row('action-request', 0xc3, 'action-request'),
  row('get-response', 0xc4, 'get-response'),
  row('set-response', 0xc5, 'set-response'),
  row('action-response', 0xc7, 'action-response'),
];

/** Tags of the general protection APDUs (Green Book 9.5). */
export const GENERAL_GLO_CIPHERING = GENERAL_CIPHERED_TAG['general-glo-ciphering'];
export const GENERAL_DED_CIPHERING = GENERAL_CIPHERED_TAG['general-ded-ciphering'];
export const GENERAL_CIPHERING = GENERAL_CIPHERED_TAG['general-ciphering'];
export const GENERAL_SIGNING = GENERAL_CIPHERED_TAG['general-signing'];

export type Keying = 'glo' | 'ded';

export interface CipheredTagInfo {
  readonly row: CipheredTagRow;
  readonly keying: Keying;
}

const BY_PLAIN = new Map(CIPHERED_TAGS.map((r) => [r.plainTag, r]));
const BY_CIPHERED = new Map<number, CipheredTagInfo>([
  ...CIPHERED_TAGS.map((row): [number, CipheredTagInfo] => [row.glo, { row, keying: 'glo' }]),
  ...CIPHERED_TAGS.map((row): [number, CipheredTagInfo] => [row.ded, { row, keying: 'ded' }]),
]);

/** The glo- or ded- tag for an unciphered APDU tag, or undefined when it has none. */
export function cipheredTagFor(plainTag: number, keying: Keying): number | undefined {
  const row = BY_PLAIN.get(plainTag);
  return row === undefined ? undefined : row[keying];
}

/** What a service-specific ciphered tag stands for, or undefined when it is not one. */
export function serviceSpecificTag(tag: number): CipheredTagInfo | undefined {
  return BY_CIPHERED.get(tag);
}

/** True for every tag this folder deciphers or verifies (service-specific and general). */
export function isProtectedTag(tag: number): boolean {
  return BY_CIPHERED.has(tag) || tag === GENERAL_GLO_CIPHERING || tag === GENERAL_DED_CIPHERING || tag === GENERAL_CIPHERING || tag === GENERAL_SIGNING;
}
