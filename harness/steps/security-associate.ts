/**
 * `associate: { association, protection, keys?, password?, corruptPass3?, expect? }` (associate.ts comes here when `protection:` is given)
 * — open an association with its security (Green Book 9.2.7.4 HLS, 9.2.7.2 ciphering) and judge
 * the whole of it: the AARE, then passes 3 and 4. Variations for negative cases: a wrong key
 * (wrong-ak, wrong-ek), a wrong HLS secret, a wrong f(StoC). By default it must be accepted.
 */
import { randomBytes } from 'node:crypto';
import type { AssociateOutcome, AssociationParams } from '../../client/api';
import { keyFromBytes } from '../../dlms/security/key';
import { Secret } from '../../dlms/secret';
import { ExpectationFailure, HarnessFault, Inapplicable } from '../engine/verdict';
import { describeOutcome } from './outcome';
import type { StepContext } from './context';
import { caseRule } from './rule';
import { keysInForce, rememberCounter, resolveSecured, type SecuredRef } from './security-common';
import { baseParams, manufacturerOf, securedParams } from './security-params';

interface Rejected {
  readonly result?: string;
  readonly source?: string;
  readonly diagnostic?: string;
  readonly initiateError?: string;
}

export interface SecAssociateArgs {
  readonly association?: SecuredRef;
  readonly keys?: 'wrong-ak' | 'wrong-ek';
  readonly password?: 'wrong';
  readonly dedicatedKey?: boolean;
  readonly envelope?: 'service-specific' | 'general' | 'general-ciphering';
  readonly corruptPass3?: boolean;
  readonly expect?: 'accepted' | { readonly rejected: Rejected } | { readonly hlsFailed: { readonly pass: 3 | 4 } };
}

function holds(e: NonNullable<SecAssociateArgs['expect']>, o: AssociateOutcome): boolean {
  if (e === 'accepted') return o.kind === 'accepted';
  if ('hlsFailed' in e) return o.kind === 'hls-failed' && o.pass === e.hlsFailed.pass;
  const r = e.rejected;
  return (
    o.kind === 'rejected' &&
    (!r.result || o.result === r.result) &&
    (!r.source || o.diagnosticSource === r.source) &&
    (!r.diagnostic || o.diagnostic === r.diagnostic) &&
    (!r.initiateError || o.initiateError === r.initiateError)
  );
}

function expectation(e: NonNullable<SecAssociateArgs['expect']>): string {
  if (e === 'accepted') return 'AARE accepted and HLS passes 3 and 4 verified';
  if ('hlsFailed' in e) return `AARE accepted, then HLS pass ${e.hlsFailed.pass} failing`;
  const r = e.rejected;
  return `AARE ${r.result ?? 'rejected'}${r.source ? `, ${r.source}` : ''}${r.diagnostic ? ` diagnostic ${r.diagnostic}` : ''}${r.initiateError ? `, ${r.initiateError}` : ''}`;
}

/** A key of the same length that is certainly not `k`. */
function otherKey(k: Secret | undefined, what: string): Secret {
  if (!k) throw new Inapplicable(`the association has no ${what} to get wrong`);
  const bytes = new Uint8Array(randomBytes(k.length));
  bytes[0] = (k.reveal()[0] ?? 0) ^ 0xff;
  return keyFromBytes(bytes, `a deliberately wrong ${what}`);
}

/** Opens an association with its security and judges the whole of it (`associate: { protection }` comes here). */
export async function securedAssociate(ctx: StepContext, args: SecAssociateArgs): Promise<void> {
  const a = resolveSecured(ctx, args.association);
  const base: AssociationParams = baseParams(a);
  const secured = await securedParams(ctx.client, ctx.profile, a, (t) => ctx.note(t));
  let security = secured.security;
  const inForce = keysInForce(ctx, a);
  if (security && inForce) security = { ...security, ...inForce };
  if (security && args.keys === 'wrong-ak') security = { ...security, authenticationKey: otherKey(security.authenticationKey, 'authentication key') };
  if (security && args.keys === 'wrong-ek') security = { ...security, blockCipherKey: otherKey(security.blockCipherKey, 'block cipher key') };
  if (args.keys && !security) throw new HarnessFault(`association ${a.name} has no security section to vary keys of`, 'harness', 'SECURITY_NO_KEYS');
  if (security && args.dedicatedKey) security = { ...security, dedicatedKey: true };
  if (security && args.envelope) security = { ...security, envelope: args.envelope };
  let password = base.password;
  if (args.password === 'wrong') {
    if (!password) throw new Inapplicable(`association ${a.name} has no HLS secret to get wrong`);
    password = Secret.fromText(`${new TextDecoder().decode(password.reveal())}-wrong`, 'a deliberately wrong HLS secret');
  }
  // Mechanism 2 computes with the secret in use, the wrong one included.
  const hls = manufacturerOf(a, password);
  const params: AssociationParams = {
    ...base,
    ...(password ? { password } : {}),
    ...(security ? { security } : {}),
    ...(args.corruptPass3 || hls.manufacturer ? { hls: { ...hls, ...(args.corruptPass3 ? { corruptPass3: true } : {}) } } : {}),
  };
  const outcome = await ctx.client.associate(params);
  ctx.last = { op: 'associate', association: a, outcome };
  if (outcome.kind === 'accepted') ctx.association = a;
  rememberCounter(ctx);
  const varied = [
    args.keys,
    args.password ? 'wrong HLS secret' : '',
    args.dedicatedKey ? 'dedicated key' : '',
    args.envelope ?? '',
    args.corruptPass3 ? 'wrong f(StoC)' : '',
  ].filter(Boolean);
  ctx.note(
    `associate ${a.name} (${a.authentication}${a.security ? `, suite ${a.security.suite} ${a.security.policy}` : ''}${varied.length ? `; ${varied.join(', ')}` : ''}) → ${describeOutcome(ctx.last)}`,
  );
  const e = args.expect ?? 'accepted';
  if (!holds(e, outcome)) throw new ExpectationFailure(caseRule(ctx), expectation(e), describeOutcome(ctx.last));
}
