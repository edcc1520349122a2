/**
 * Teardown is not the verdict (issue 8, item 2): a case judges its subject. A release that only
 * ends the association — the last releases of a case, followed by nothing but other teardown
 * steps, in a suite whose subject is not the release — records what went wrong as a remark
 * (docs/decisions/teardown.md) instead of failing the case. The release suites, and a release
 * followed by further checks, keep judging it.
 */
import type { StepContext } from './context';

/**
 * Steps that may follow a teardown release without making it part of the case's subject. The
 * invocation counter check reads the counter object on a link of its own once the association
 * has ended: the release before it only ends the association (its RLRE is the release suites'
 * subject, docs/interop/gurux-cpp-findings.md F1).
 */
const TEARDOWN_STEPS: ReadonlySet<string> = new Set(['release', 'disconnect', 'expect.alive', 'invocation-counter.check']);

/** Suites whose subject is the release itself: every release step there is judged. */
const RELEASE_SUITE = /(^|\/)release$/;

export const TEARDOWN_CLAUSE = 'docs/decisions/teardown.md';

export function isTeardown(ctx: StepContext): boolean {
  if (ctx.step === undefined || RELEASE_SUITE.test(ctx.caseDef.suite)) return false;
  return ctx.caseDef.steps.slice(ctx.step + 1).every((s) => TEARDOWN_STEPS.has(s.name));
}

/** In a teardown, what did not hold becomes a remark; elsewhere `fail` throws as usual. */
export function judgeTeardown(ctx: StepContext, expected: string, actual: string, fail: () => never): void {
  if (!isTeardown(ctx)) fail();
  ctx.remark(`teardown (not this case's subject): expected ${expected}, got ${actual}`, TEARDOWN_CLAUSE);
}
