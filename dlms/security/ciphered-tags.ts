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

export const CIPHERED_TAGS: readonly CipheredTagRow[] = [
  { plain: 'initiateRequest', plainTag: 0x01, glo: 0x21, ded: 0x41 },
  { plain: 'readRequest', plainTag: 0x05, glo: 0x25, ded: 0x45 },
  { plain: 'writeRequest', plainTag: 0x06, glo: 0x26, ded: 0x46 },
  { plain: 'initiateResponse', plainTag: 0x08, glo: 0x28, ded: 0x48 },
  { plain: 'readResponse', plainTag: 0x0c, glo: 0x2c, ded: 0x4c },
  { plain: 'writeResponse', plainTag: 0x0d, glo: 0x2d, ded: 0x4d },
  { plain: 'confirmedServiceError', plainTag: 0x0e, glo: 0x2e, ded: 0x4e },
  { plain: 'unconfirmedWriteRequest', plainTag: 0x16, glo: 0x36, ded: 0x56 },
  { plain: 'informationReportRequest', plainTag: 0x18, glo: 0x38, ded: 0x58 },
  { plain: 'get-request', plainTag: 0xc0, glo: 0xc8, ded: 0xd0 },
  { plain: 'set-request', plainTag: 0xc1, glo: 0xc9, ded: 0xd1 },
  { plain: 'event-notification-request', plainTag: 0xc2, glo: 0xca, ded: 0xd2 },
  { plain: 'action-request', plainTag: 0xc3, glo: 0xcb, ded: 0xd3 },
  { plain: 'get-response', plainTag: 0xc4, glo: 0xcc, ded: 0xd4 },
  { plain: 'set-response', plainTag: 0xc5, glo: 0xcd, ded: 0xd5 },
  { plain: 'action-response', plainTag: 0xc7, glo: 0xcf, ded: 0xd7 },
];

/** Tags of the general protection APDUs (Green Book 9.5). */
export const GENERAL_GLO_CIPHERING = 0xdb;
export const GENERAL_DED_CIPHERING = 0xdc;
export const GENERAL_CIPHERING = 0xdd;
export const GENERAL_SIGNING = 0xdf;

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
