/**
 * `release: { reason?, userInformation?, expect? }` — RLRQ (Green Book 9.3.3), with reason
 * normal unless told, optionally carrying the association's InitiateRequest; by default an RLRE
 * must come back. `expect: { released: { reason, userInformation } }` also checks the RLRE's
 * reason and the xDLMS APDU its user-information carries (`none` for no user-information).
 */
import { nameOf, RELEASE_REASON_NAMES } from './spec-names';
import { ExpectationFailure } from '../engine/verdict';
import { describeOutcome, matchOutcome } from './outcome';
import { defineStep } from './registry';
import { protectedRelease } from './security-release';
import { caseRule } from './rule';
import { judgeTeardown } from './teardown';

defineStep({
  name: 'release',
  description: 'Release the association (RLRQ, optionally with reason and user-information) and, by default, require an RLRE',
  schema: {
    type: 'object',
    properties: {
      reason: { type: 'string', enum: ['normal', 'urgent', 'user-defined'], description: 'RLRQ reason (default normal)' },
      userInformation: { type: 'boolean', description: 'carry the association InitiateRequest in the RLRQ user-information (with protection: default true)' },
      protection: {
        type: 'string',
        enum: ['global', 'dedicated', 'none'],
        description:
          'in a ciphered association: the InitiateRequest protected with its keys (global, dedicated) or sent unprotected (none); the RLRE reason must be normal unless expect says',
      },
      expect: {
        anyOf: [
          { type: 'string', enum: ['released', 'any'] },
          {
            type: 'object',
            properties: {
              released: {
                type: 'object',
                properties: {
                  reason: nameOf(RELEASE_REASON_NAMES, 'RLRE reason'),
                  userInformation: { type: 'string', pattern: '^[a-z][a-z-]*$', description: 'the xDLMS APDU type in the RLRE user-information, or none' },
                },
              },
            },
            required: ['released'],
          },
        ],
      },
    },
  },
  async run(ctx, args) {
    if (args.protection !== undefined) {
      const ui = args.userInformation === false ? 'none' : args.protection === 'none' ? 'unprotected' : 'protected';
      return protectedRelease(ctx, ui, typeof args.expect === 'object' ? args.expect.released : undefined);
    }
    const options = { ...(args.reason ? { reason: args.reason } : {}), ...(args.userInformation ? { userInformation: true } : {}) };
    const outcome = await ctx.client.release(options);
    ctx.last = { op: 'release', outcome };
    ctx.note(`release${args.reason ? ` (reason ${args.reason})` : ''}${args.userInformation ? ' with user-information' : ''} → ${describeOutcome(ctx.last)}`);
    if (outcome.kind === 'released') ctx.association = undefined;
    if (args.expect === 'any') return;
    const last = ctx.last;
    const judge = (expected: string, actual: string): void =>
      judgeTeardown(ctx, expected, actual, () => {
        throw new ExpectationFailure(caseRule(ctx), expected, actual);
      });
    const miss = matchOutcome({ released: true }, last, ctx.profile);
    if (miss) return judge(miss.expected, miss.actual);
    if (typeof args.expect !== 'object' || outcome.kind !== 'released') return;
    const want = args.expect.released;
    if (want.reason !== undefined && outcome.reason !== want.reason) return judge(`RLRE reason ${want.reason}`, describeOutcome(last));
    const ui = outcome.userInformation ?? 'none';
    if (want.userInformation !== undefined && ui !== want.userInformation)
      return judge(`RLRE user-information ${want.userInformation}`, `RLRE user-information ${ui}`);
  },
});
