/**
 * `expect: { data | dataAccessResult | exception | silence | accepted | rejected | released | oneOf }`
 * — judge the last outcome exactly; a mismatch is the DUT's failure against the case's rule. An
 * alternative of `oneOf` with a `remark` is allowed but not preferred: the case passes with it.
 */
import { ExpectationFailure } from '../engine/verdict';
import { matchOutcome, OUTCOME_EXPECTATION_SCHEMA, type OutcomeExpectation } from './outcome';
import { registerStep } from './registry';
import { caseRule } from './rule';

registerStep<OutcomeExpectation>({
  name: 'expect',
  description: 'Judge the last outcome: data (type, value, text), a data-access-result, an exception-response, silence, or oneOf several',
  schema: OUTCOME_EXPECTATION_SCHEMA,
  async run(ctx, args) {
    const miss = matchOutcome(args, ctx.last, ctx.profile, (text, clause) => ctx.remark(text, clause));
    if (miss) throw new ExpectationFailure(miss.path ? `${caseRule(ctx).replace(/\.$/, '')}: ${miss.path}` : caseRule(ctx), miss.expected, miss.actual);
    ctx.note('the outcome is as required');
  },
});
