/**
 * The security policy of a Security setup object (Blue Book 4.4.7, attribute 2 security_policy)
 * in both its forms, and what it requires of one APDU:
 *   version 0: enum 0 nothing, 1 all messages authenticated, 2 all messages encrypted,
 *              3 all messages authenticated and encrypted;
 *   version 1: enum read as bit flags, bit 2 authenticated request, 3 encrypted request,
 *              4 digitally signed request, 5 authenticated response, 6 encrypted response,
 *              7 digitally signed response (bits 0, 1 unused).
 * The policy is a minimum: an APDU protected more than it asks is acceptable (Green Book
 * 9.2.7.2.2, "security policy").
 */
import type { SecurityControl } from './control';
import { fail } from './errors';

export interface PolicyFlags {
  readonly authenticatedRequest: boolean;
  readonly encryptedRequest: boolean;
  readonly signedRequest: boolean;
  readonly authenticatedResponse: boolean;
  readonly encryptedResponse: boolean;
  readonly signedResponse: boolean;
}

export const NO_POLICY: PolicyFlags = {
  authenticatedRequest: false,
  encryptedRequest: false,
  signedRequest: false,
  authenticatedResponse: false,
  encryptedResponse: false,
  signedResponse: false,
};

/** Version 0 names, in enum order. */
export const POLICY_V0 = ['none', 'authenticated', 'encrypted', 'authenticated-encrypted'] as const;
export type PolicyV0 = (typeof POLICY_V0)[number];

/** Version 1 flag names and their bits. */
export const POLICY_V1_BITS = {
  'authenticated-request': 2,
  'encrypted-request': 3,
  'signed-request': 4,
  'authenticated-response': 5,
  'encrypted-response': 6,
  'signed-response': 7,
} as const;
export type PolicyFlagName = keyof typeof POLICY_V1_BITS;

export const FLAG_FIELD: Readonly<Record<PolicyFlagName, keyof PolicyFlags>> = {
  'authenticated-request': 'authenticatedRequest',
  'encrypted-request': 'encryptedRequest',
  'signed-request': 'signedRequest',
  'authenticated-response': 'authenticatedResponse',
  'encrypted-response': 'encryptedResponse',
  'signed-response': 'signedResponse',
};

export function policyFromV0(value: number): PolicyFlags {
  if (!Number.isInteger(value) || value < 0 || value > 3) fail('SECURITY_BAD_POLICY', 0, 'security_policy (version 0) 0..3', String(value));
  const a = value === 1 || value === 3;
  const e = value === 2 || value === 3;
  return { ...NO_POLICY, authenticatedRequest: a, authenticatedResponse: a, encryptedRequest: e, encryptedResponse: e };
}

/** The version 0 value of `p`; SECURITY_BAD_POLICY when requests and responses differ or signing is asked. */
export function policyToV0(p: PolicyFlags): number {
  if (p.authenticatedRequest !== p.authenticatedResponse || p.encryptedRequest !== p.encryptedResponse || p.signedRequest || p.signedResponse) {
    fail('SECURITY_BAD_POLICY', 0, 'a policy version 0 can state (the same for requests and responses, no signing)', policyText(p));
  }
  return (p.authenticatedRequest ? 1 : 0) + (p.encryptedRequest ? 2 : 0);
}

export function policyFromV1(value: number): PolicyFlags {
  if (!Number.isInteger(value) || value < 0 || value > 0xff || (value & 0x03) !== 0) {
    fail('SECURITY_BAD_POLICY', 0, 'security_policy (version 1): bits 2..7 only', String(value));
  }
  const out: Record<string, boolean> = { ...NO_POLICY };
  for (const [name, bit] of Object.entries(POLICY_V1_BITS) as [PolicyFlagName, number][]) out[FLAG_FIELD[name]] = (value & (1 << bit)) !== 0;
  return out as unknown as PolicyFlags;
}

export function policyToV1(p: PolicyFlags): number {
  let v = 0;
  for (const [name, bit] of Object.entries(POLICY_V1_BITS) as [PolicyFlagName, number][]) if (p[FLAG_FIELD[name]]) v |= 1 << bit;
  return v;
}

export function policyFromFlags(names: readonly PolicyFlagName[]): PolicyFlags {
  const out: Record<string, boolean> = { ...NO_POLICY };
  for (const n of names) out[FLAG_FIELD[n]] = true;
  return out as unknown as PolicyFlags;
}

/** The same policy for requests and responses, from a version 0 name. */
export function policyFromName(name: PolicyV0): PolicyFlags {
  return policyFromV0(POLICY_V0.indexOf(name));
}

/**
 * The policy a meter reports, whatever its Security setup version: 0 is "nothing" in both, and
 * version 1 leaves bits 0 and 1 unused, so 1..3 can only be version 0 and 4.. only version 1.
 */
export function policyFromValue(value: number): PolicyFlags {
  return value <= POLICY_V0.length - 1 ? policyFromV0(value) : policyFromV1(value);
}

export function policyText(p: PolicyFlags): string {
  const names = (Object.keys(POLICY_V1_BITS) as PolicyFlagName[]).filter((n) => p[FLAG_FIELD[n]]);
  return names.length === 0 ? 'no protection' : names.join(', ');
}

/** True when every protection `weaker` asks is also asked by `stronger` (security_activate may only strengthen). */
export function policyAtLeast(stronger: PolicyFlags, weaker: PolicyFlags): boolean {
  return (Object.keys(NO_POLICY) as (keyof PolicyFlags)[]).every((k) => stronger[k] || !weaker[k]);
}

/** Whether a request protected by `sc` (and signed or not) meets the policy. */
export function requestMeetsPolicy(p: PolicyFlags, sc: SecurityControl | undefined, signed: boolean): boolean {
  const authenticated = sc?.authenticated ?? false;
  const encrypted = sc?.encrypted ?? false;
  return (authenticated || !p.authenticatedRequest) && (encrypted || !p.encryptedRequest) && (signed || !p.signedRequest);
}
