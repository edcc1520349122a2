/**
 * `expect.silence: { for? }` — the DUT sends no frame for a bound taken from the profile: its
 * response timeout (default), or its inter-frame or inactivity timeout plus 10 % (the wait DLMS
 * UA 1001-3 prescribes before judging what a timeout did). A silence longer than one step may
 * take cannot be judged: the case is inconclusive, with the reason.
 */
import { ExpectationFailure, Inconclusive } from '../engine/verdict';
import { stepBudgetMs } from '../engine/run-case';
import { decodeFrame } from '../../dlms/hdlc/frame';
import { summarizeFrame } from '../../dlms/hdlc/describe';
import { isDecodeError } from '../../dlms/bytes/decode-error';
import { BOUND_SCHEMA, boundMs, rawAccess } from './hdlc-view';
import { defineStep } from './registry';
import { caseRule } from './rule';

/** What a step keeps for itself besides the wait: the harness's own work around it. */
const MARGIN_MS = 1000;

defineStep({
  name: 'expect.silence',
  description: 'No frame from the DUT for a bound from the profile: the response timeout, or the inter-frame or inactivity timeout plus 10 %',
  schema: { type: 'object', properties: { for: BOUND_SCHEMA } },
  async run(ctx, args) {
    const raw = rawAccess(ctx);
    const bound = args.for ?? 'response';
    const ms = boundMs(ctx, bound);
    const budget = stepBudgetMs(ctx.profile) - MARGIN_MS;
    if (ms > budget) throw new Inconclusive(`a silence of ${ms} ms (the profile's ${bound} timeout) is longer than one step may wait (${budget} ms)`);
    const got = await raw.nextFrame(ms);
    if (got.kind === 'frame') {
      let what: string;
      try {
        what = summarizeFrame(decodeFrame(got.bytes));
      } catch (err) {
        if (!isDecodeError(err)) throw err;
        what = `an undecodable frame (${err.code})`;
      }
      throw new ExpectationFailure(caseRule(ctx), `no frame for ${ms} ms`, what);
    }
    // A hang-up is not the silence the case expects: the DUT left the state it had to stay in.
    if (got.kind === 'closed') throw new ExpectationFailure(caseRule(ctx), `no frame for ${ms} ms (the link kept)`, 'the meter closed the connection');
    ctx.note(`no frame for ${ms} ms, as required`);
  },
});
