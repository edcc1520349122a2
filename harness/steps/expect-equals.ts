/**
 * `expect.equals: { var }` — the data the last GET returned equals, encoding for encoding, the
 * value kept under `var` (by `set … as:` or `get … as:`): SET then GET returns what was written
 * (Green Book 9.3.7). After an `action` step it judges the method's return data instead
 * (Green Book 9.3.8 return parameters, however many pblocks they came in).
 */
import { encodeDataBytes } from '../../dlms/axdr/data-codec';
import { formatData } from '../../dlms/axdr/format';
import { bytesEqual } from '../../dlms/bytes/hex';
import { ExpectationFailure, HarnessFault } from '../engine/verdict';
import { describeOutcome } from './outcome';
import { defineStep } from './registry';
import { caseRule } from './rule';

defineStep({
  name: 'expect.equals',
  description: 'The data of the last GET, or the return data of the last ACTION, equals the value kept under a name (e.g. the value an earlier SET wrote)',
  schema: { type: 'object', properties: { var: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9]*$' } }, required: ['var'] },
  async run(ctx, args) {
    const kept = ctx.vars.get(args.var);
    if (!kept) throw new HarnessFault(`no value kept under "${args.var}"`, 'harness', 'SUITE_UNKNOWN_VAR');
    const last = ctx.last;
    if (!last || (last.op !== 'get' && last.op !== 'action')) throw new HarnessFault('expect.equals follows a get or action step', 'harness', 'STEP_ORDER');
    const expected = `${last.op === 'action' ? 'return data' : 'data'} ${formatData(kept, { maxItems: 8 })}`;
    const o = last.outcome;
    const got = o.kind === 'data' ? o.data : o.kind === 'action-result' && o.returnData?.kind === 'data' ? o.returnData.data : undefined;
    if (got === undefined || !bytesEqual(encodeDataBytes(got), encodeDataBytes(kept))) {
      throw new ExpectationFailure(caseRule(ctx), expected, describeOutcome(last));
    }
    ctx.note(`equals ${args.var}`);
  },
});
