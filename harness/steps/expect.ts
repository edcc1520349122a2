/**
 * `expect: { data | dataAccessResult | exception | silence | accepted | rejected | released | oneOf }`
 * — judge the last outcome exactly; a mismatch is the DUT's failure against the case's rule. An
 * alternative of `oneOf` with a `remark` is allowed but not preferred: the case passes with it.
 */
import { judgeOutcome } from './judge';
import { OUTCOME_EXPECTATION_SCHEMA } from './outcome';
import { defineStep } from './registry';

defineStep({
  name: 'expect',
  description: 'Judge the last outcome: data (type, value, text), a data-access-result, an exception-response, silence, or oneOf several',
  schema: OUTCOME_EXPECTATION_SCHEMA,
  async run(ctx, args) {
    judgeOutcome(ctx, args);
  },
});
