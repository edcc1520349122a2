import { enumTable, type Named } from '../xdlms/named';

/**
 * The ACSE enumerations and object identifiers DLMS uses (Green Book 9.4.2.2 "Application
 * context names" and "Authentication mechanism names"; the AARE/RLRQ/RLRE ASN.1 of Green Book
 * 9.3 / ISO/IEC 8650-1 for results, diagnostics and reasons).
 */

/** {joint-iso-ccitt(2) country(16) country-name(756) identified-organization(5) DLMS-UA(8) application-context(1) context_id(n)}. */
export const APPLICATION_CONTEXT_NAME = {
  'logical-name': '2.16.756.5.8.1.1',
  'short-name': '2.16.756.5.8.1.2',
  'logical-name-with-ciphering': '2.16.756.5.8.1.3',
  'short-name-with-ciphering': '2.16.756.5.8.1.4',
} as const;
export type ApplicationContextNameName = keyof typeof APPLICATION_CONTEXT_NAME;

/** {… DLMS-UA(8) authentication-mechanism-name(2) mechanism_id(n)}. */
export const MECHANISM_NAME = {
  lowest: '2.16.756.5.8.2.0',
  low: '2.16.756.5.8.2.1',
  high: '2.16.756.5.8.2.2',
  md5: '2.16.756.5.8.2.3',
  sha1: '2.16.756.5.8.2.4',
  gmac: '2.16.756.5.8.2.5',
  sha256: '2.16.756.5.8.2.6',
  ecdsa: '2.16.756.5.8.2.7',
} as const;
export type MechanismNameName = keyof typeof MECHANISM_NAME;

function nameOfOid<N extends string>(table: Readonly<Record<N, string>>, oid: string): N | undefined {
  return (Object.keys(table) as N[]).find((n) => table[n] === oid);
}

/** 'logical-name' for 2.16.756.5.8.1.1; undefined for an OID the Green Book does not name. */
export function applicationContextNameOf(oid: string): ApplicationContextNameName | undefined {
  return nameOfOid(APPLICATION_CONTEXT_NAME, oid);
}

/** 'gmac' for 2.16.756.5.8.2.5; undefined for an OID the Green Book does not name. */
export function mechanismNameOf(oid: string): MechanismNameName | undefined {
  return nameOfOid(MECHANISM_NAME, oid);
}

/** Association-result (AARE result [2]). */
export const ASSOCIATION_RESULT = enumTable({ accepted: 0, 'rejected-permanent': 1, 'rejected-transient': 2 });
export type AssociationResult = Named<(typeof ASSOCIATION_RESULT.names)[number]>;

/** Associate-source-diagnostic, acse-service-user [1]. */
export const ACSE_SERVICE_USER = enumTable({
  null: 0,
  'no-reason-given': 1,
  'application-context-name-not-supported': 2,
  'calling-AP-title-not-recognized': 3,
  'calling-AP-invocation-identifier-not-recognized': 4,
  'calling-AE-qualifier-not-recognized': 5,
  'calling-AE-invocation-identifier-not-recognized': 6,
  'called-AP-title-not-recognized': 7,
  'called-AP-invocation-identifier-not-recognized': 8,
  'called-AE-qualifier-not-recognized': 9,
  'called-AE-invocation-identifier-not-recognized': 10,
  'authentication-mechanism-name-not-recognised': 11,
  'authentication-mechanism-name-required': 12,
  'authentication-failure': 13,
  'authentication-required': 14,
});
export type AcseServiceUserDiagnostic = Named<(typeof ACSE_SERVICE_USER.names)[number]>;

/** Associate-source-diagnostic, acse-service-provider [2]. */
export const ACSE_SERVICE_PROVIDER = enumTable({ null: 0, 'no-reason-given': 1, 'no-common-acse-version': 2 });
export type AcseServiceProviderDiagnostic = Named<(typeof ACSE_SERVICE_PROVIDER.names)[number]>;

/** Release-request-reason (RLRQ reason [0]). */
export const RELEASE_REQUEST_REASON = enumTable({ normal: 0, urgent: 1, 'user-defined': 30 });
export type ReleaseRequestReason = Named<(typeof RELEASE_REQUEST_REASON.names)[number]>;

/** Release-response-reason (RLRE reason [0]): value 1 is not-finished here, not urgent. */
export const RELEASE_RESPONSE_REASON = enumTable({ normal: 0, 'not-finished': 1, 'user-defined': 30 });
export type ReleaseResponseReason = Named<(typeof RELEASE_RESPONSE_REASON.names)[number]>;
