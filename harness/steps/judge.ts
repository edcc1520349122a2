/**
 * Judging an outcome against an expectation, the same whether the expectation is written inline
 * (`get: { …, expect: { data: … } }`, on every step that produces an outcome) or as an `expect`
 * step after it: exact, with remarks for allowed but not preferred answers, and the first
 * differing field of a value named in the failure.
 */
import { ExpectationFailure } from '../engine/verdict';
import type { StepContext } from './context';
import { matchOutcome, type OutcomeExpectation } from './outcome';
import { caseRule } from './rule';

export function judgeOutcome(ctx: StepContext, expectation: OutcomeExpectation): void {
  const miss = matchOutcome(expectation, ctx.last, ctx.profile, (text, clause) => ctx.remark(text, clause));
  if (miss) throw new ExpectationFailure(miss.path ? `${caseRule(ctx).replace(/\.$/, '')}: ${miss.path}` : caseRule(ctx), miss.expected, miss.actual);
  ctx.note('the outcome is as required');
}
