/**
 * `expect.blocks: { min?, max? }` — how many blocks the last GET, GET with-list, SET or ACTION
 * took (Green Book 9.4.6.x block transfer): 0 when it went in one APDU. `max: 0` says "no block
 * transfer", `min: 2` says "in blocks". The block numbering itself the client checks on the way
 * (consecutive from 1, the last flagged): a break there is already a malformed outcome.
 */
import { ExpectationFailure, HarnessFault } from '../engine/verdict';
import { describeOutcome } from './outcome';
import { defineStep } from './registry';
import { caseRule } from './rule';

defineStep({
  name: 'expect.blocks',
  description: 'Judge how many blocks the last GET, GET with-list, SET or ACTION took (0: one APDU)',
  schema: {
    type: 'object',
    properties: { min: { type: 'integer', minimum: 0, maximum: 1_000_000 }, max: { type: 'integer', minimum: 0, maximum: 1_000_000 } },
    minProperties: 1,
  },
  async run(ctx, args) {
    const last = ctx.last;
    if (!last || !['get', 'get-with-list', 'set', 'action'].includes(last.op))
      throw new HarnessFault('expect.blocks follows a get, get.with-list, set or action step', 'harness', 'STEP_ORDER');
    const o = last.outcome;
    const said = describeOutcome(last);
    const want = [args.min !== undefined ? `at least ${args.min}` : '', args.max !== undefined ? `at most ${args.max}` : ''].filter(Boolean).join(' and ');
    const blocks = 'blocks' in o && typeof o.blocks === 'number' ? o.blocks : undefined;
    if (blocks === undefined) throw new ExpectationFailure(caseRule(ctx), `an answer in ${want} blocks`, said);
    if ((args.min !== undefined && blocks < args.min) || (args.max !== undefined && blocks > args.max)) {
      throw new ExpectationFailure(caseRule(ctx), `${want} blocks`, `${blocks} blocks: ${said}`);
    }
    ctx.note(`${blocks} blocks, as required (${want})`);
  },
});
