/**
 * What the security steps share: how they name an association (any association reference, or
 * `{ suite: 1 }` / `{ suite: 2, authentication: hls-ecdsa }` for the suite), the keys a case has
 * put in force on the DUT (global_key_transfer, key_agreement), and the open security session.
 */
import type { SecureSession } from '../../client/api';
import type { Secret } from '../../dlms/secret';
import { HarnessFault, Inapplicable } from '../engine/verdict';
import type { AssociationProfile } from '../profile/types';
import { typedSchema } from '../yaml/from-schema';
import { ASSOCIATION_REF_SCHEMA, resolveAssociation, type AssociationRef } from './association-ref';
import type { StepContext } from './context';

export type SecuredRef = AssociationRef | { readonly suite: 0 | 1 | 2; readonly authentication?: string };

export const SECURED_REF_SCHEMA = typedSchema<SecuredRef>({
  anyOf: [
    ASSOCIATION_REF_SCHEMA,
    {
      type: 'object',
      description: 'the first association of the profile with this security suite (and authentication)',
      properties: {
        suite: { type: 'integer', enum: [0, 1, 2], description: 'security suite (Green Book 9.2.3.7)' },
        authentication: { type: 'string', pattern: '^[a-z0-9-]+$' },
      },
      required: ['suite'],
    },
  ],
});

export function resolveSecured(ctx: StepContext, ref: SecuredRef | undefined): AssociationProfile {
  if (ref !== undefined && typeof ref === 'object' && 'suite' in ref) {
    const found = ctx.profile.associations.find((a) => a.security?.suite === ref.suite && (!ref.authentication || a.authentication === ref.authentication));
    if (!found)
      throw new Inapplicable(`the profile declares no association with security suite ${ref.suite}${ref.authentication ? ` and ${ref.authentication}` : ''}`);
    ctx.used.add(found.name);
    return found;
  }
  return resolveAssociation(ctx, ref);
}

/** Keys a case put in force on the DUT for an association, in place of the profile's, until restored. */
export interface KeysInForce {
  readonly blockCipherKey?: Secret;
  readonly authenticationKey?: Secret;
  readonly masterKey?: Secret;
}

const caseKeys = new WeakMap<StepContext, Map<string, KeysInForce>>();

export function keysInForce(ctx: StepContext, a: AssociationProfile): KeysInForce | undefined {
  return caseKeys.get(ctx)?.get(a.name);
}

export function setKeysInForce(ctx: StepContext, a: AssociationProfile, keys: KeysInForce | undefined): void {
  let m = caseKeys.get(ctx);
  if (!m) caseKeys.set(ctx, (m = new Map()));
  if (keys) m.set(a.name, { ...m.get(a.name), ...keys });
  else m.delete(a.name);
}

/** The last counter the case's client sent, kept across a release for the counter-object check. */
const lastSent = new WeakMap<StepContext, number>();

export function rememberCounter(ctx: StepContext): void {
  const c = ctx.client.security?.()?.lastSentCounter;
  if (c !== undefined) lastSent.set(ctx, c);
}

export function rememberCounterValue(ctx: StepContext, counter: number): void {
  lastSent.set(ctx, counter);
}

export function rememberedCounter(ctx: StepContext): number | undefined {
  return lastSent.get(ctx);
}

export function openSession(ctx: StepContext, what: string): SecureSession {
  const s = ctx.client.security?.();
  if (!s)
    throw new HarnessFault(`${what} needs an open association with security (an earlier associate step with protection:)`, 'harness', 'SECURITY_NO_SESSION');
  return s;
}

/** The Security setup object of an association (Blue Book 4.4.7). */
export function securitySetupOf(a: AssociationProfile): string {
  return a.security?.securitySetup ?? '0-0:43.0.0.255';
}
