/** `release: { expect?: released | any }` — RLRQ, and by default an RLRE must come back (Green Book 9.3.3). */
import { ExpectationFailure } from '../engine/verdict';
import { matchOutcome } from './outcome';
import { registerStep } from './registry';
import { caseRule } from './rule';

interface ReleaseArgs {
  readonly expect?: 'released' | 'any';
}

registerStep<ReleaseArgs>({
  name: 'release',
  description: 'Release the association (RLRQ) and, by default, require an RLRE',
  schema: { type: 'object', properties: { expect: { type: 'string', enum: ['released', 'any'] } } },
  async run(ctx, args) {
    const outcome = await ctx.client.release();
    ctx.last = { op: 'release', outcome };
    ctx.note(`release → ${outcome.kind}`);
    if (outcome.kind === 'released') ctx.association = undefined;
    if (args.expect === 'any') return;
    const miss = matchOutcome({ released: true }, ctx.last, ctx.profile);
    if (miss) throw new ExpectationFailure(caseRule(ctx), miss.expected, miss.actual);
  },
});
