/**
 * `expect.equals: { var }` — the data the last GET returned equals, encoding for encoding, the
 * value kept under `var` (by `set … as:` or `get … as:`): SET then GET returns what was written
 * (Green Book 9.3.7).
 */
import { encodeDataBytes } from '../../dlms/axdr/data-codec';
import { formatData } from '../../dlms/axdr/format';
import { bytesEqual } from '../../dlms/bytes/hex';
import { ExpectationFailure, HarnessFault } from '../engine/verdict';
import { describeOutcome } from './outcome';
import { registerStep } from './registry';
import { caseRule } from './rule';

interface EqualsArgs {
  readonly var: string;
}

registerStep<EqualsArgs>({
  name: 'expect.equals',
  description: 'The data of the last GET equals the value kept under a name (e.g. the value an earlier SET wrote)',
  schema: { type: 'object', properties: { var: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9]*$' } }, required: ['var'] },
  async run(ctx, args) {
    const kept = ctx.vars.get(args.var);
    if (!kept) throw new HarnessFault(`no value kept under "${args.var}"`, 'harness', 'SUITE_UNKNOWN_VAR');
    const last = ctx.last;
    if (!last || last.op !== 'get') throw new HarnessFault('expect.equals follows a get step', 'harness', 'STEP_ORDER');
    const expected = `data ${formatData(kept, { maxItems: 8 })}`;
    if (last.outcome.kind !== 'data' || !bytesEqual(encodeDataBytes(last.outcome.data), encodeDataBytes(kept))) {
      throw new ExpectationFailure(caseRule(ctx), expected, describeOutcome(last));
    }
    ctx.note(`equals ${args.var}`);
  },
});
