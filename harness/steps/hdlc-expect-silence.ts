/**
 * `expect.silence: { for? }` — the DUT sends no frame for a bound taken from the profile: its
 * response timeout (default), or its inter-frame or inactivity timeout plus 10 % (the wait DLMS
 * UA 1001-3 prescribes before judging what a timeout did). The engine extends the step's bound
 * by that wait (registry waitMs), so a 120 s inactivity timeout is judged, not inconclusive.
 */
import { ExpectationFailure, Inconclusive } from '../engine/verdict';
import { decodeFrame } from '../../dlms/hdlc/frame';
import { summarizeFrame } from '../../dlms/hdlc/describe';
import { isDecodeError } from '../../dlms/bytes/decode-error';
import { BOUND_SCHEMA, boundMs, profileBoundMs, rawAccess } from './hdlc-view';
import { defineStep } from './registry';
import { caseRule } from './rule';

/**
 * A silence longer than this is no timer a meter runs (the HDLC inactivity timeout is 120 s on
 * real meters, and may be set to minutes): the case is inconclusive rather than hold a run.
 */
export const MAX_SILENCE_MS = 15 * 60_000;

defineStep({
  name: 'expect.silence',
  description: 'No frame from the DUT for a bound from the profile: the response timeout, or the inter-frame or inactivity timeout plus 10 %',
  schema: { type: 'object', properties: { for: BOUND_SCHEMA } },
  // The engine gives this step the wait on top of its budget: a 120 s inactivity timeout is the normal case.
  waitMs: (args, profile) => profileBoundMs(profile, args.for ?? 'response'),
  async run(ctx, args) {
    const raw = rawAccess(ctx);
    const bound = args.for ?? 'response';
    const ms = boundMs(ctx, bound);
    if (ms > MAX_SILENCE_MS)
      throw new Inconclusive(`a silence of ${ms} ms (the profile's ${bound} timeout plus 10 %) is longer than any timer dlmsct waits (${MAX_SILENCE_MS} ms)`);
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
