/**
 * `release: { protection, userInformation?, expect? }` (release.ts comes here when `protection:` is given) — RLRQ in a
 * ciphered association (Green Book 9.3.3). With a protected InitiateRequest the association must
 * be released (RLRE normal, its InitiateResponse protected alike); with an unprotected one it
 * must stay (RLRE not-finished), which the case then proves with a protected GET.
 */
import { ExpectationFailure } from '../engine/verdict';
import { describeOutcome } from './outcome';
import type { StepContext } from './context';
import { caseRule } from './rule';
import { judgeTeardown } from './teardown';
import { refusedOtherwise } from './release-refusal';
import { rememberCounter, rememberCounterValue } from './security-common';

export interface SecReleaseArgs {
  readonly userInformation?: 'protected' | 'unprotected' | 'none';
  readonly expect?: { readonly reason?: string; readonly userInformation?: string };
}

/**
 * An RLRQ in the open ciphered association, its InitiateRequest protected, unprotected or absent,
 * the RLRE judged (`release: { protection }` comes here).
 */
export async function protectedRelease(ctx: StepContext, ui: 'protected' | 'unprotected' | 'none', expect: SecReleaseArgs['expect']): Promise<void> {
  rememberCounter(ctx);
  // A protected RLRQ uses the next counter; the session is gone once released.
  const next = ctx.client.security?.()?.nextCounter;
  const outcome = await ctx.client.release(
    ui === 'none' ? { userInformation: false } : { userInformation: true, ...(ui === 'unprotected' ? { unprotectedUserInformation: true } : {}) },
  );
  if (ui === 'protected' && next !== undefined) rememberCounterValue(ctx, next);
  else rememberCounter(ctx);
  ctx.last = { op: 'release', outcome };
  ctx.note(`release, InitiateRequest ${ui === 'none' ? 'absent' : ui} → ${describeOutcome(ctx.last)}`);
  const e = expect ?? { reason: 'normal' };
  const said = outcome.kind === 'released' ? { reason: outcome.reason ?? 'none', userInformation: outcome.userInformation ?? 'none' } : undefined;
  const ok =
    (said !== undefined && (!e.reason || said.reason === e.reason) && (!e.userInformation || said.userInformation === e.userInformation)) ||
    refusedOtherwise(ctx, outcome, e.reason);
  if (said && said.reason !== 'not-finished') ctx.association = undefined;
  if (!ok) {
    const want = `RLRE${e.reason ? ` reason ${e.reason}` : ''}${e.userInformation ? ` carrying ${e.userInformation}` : ''}`;
    const got = said ? `RLRE reason ${said.reason} carrying ${said.userInformation}` : describeOutcome(ctx.last);
    judgeTeardown(ctx, want, got, () => {
      throw new ExpectationFailure(caseRule(ctx), want, got);
    });
  }
}
