/**
 * `hdlc.connect: { association?, maxInfoTx?, maxInfoRx?, windowTx?, windowRx?, segmentLimit? }`
 * — open the link as `connect` does, proposing these values in the SNRM instead of the
 * profile's (Green Book 8.4.5.3.2), or sending segments no longer than `segmentLimit`. The DUT
 * must accept the link with UA, values within the proposal.
 */
import { ExpectationFailure } from '../engine/verdict';
import { ASSOCIATION_REF_SCHEMA, eachOutsideForEach, resolveAssociation } from './association-ref';
import { defineStep } from './registry';

const RULE = 'Green Book 8.4.5.3.2: the server answers an acceptable SNRM with UA, no value above the proposal';

defineStep({
  name: 'hdlc.connect',
  description: 'Open the HDLC link proposing these parameters (or sending shorter segments); the DUT must accept with UA',
  schema: {
    type: 'object',
    properties: {
      association: ASSOCIATION_REF_SCHEMA,
      maxInfoTx: { type: 'integer', minimum: 32, maximum: 2030, description: 'the longest information field the client sends' },
      maxInfoRx: { type: 'integer', minimum: 32, maximum: 2030, description: 'the longest information field the client takes' },
      windowTx: { type: 'integer', minimum: 1, maximum: 7 },
      windowRx: { type: 'integer', minimum: 1, maximum: 7 },
      segmentLimit: { type: 'integer', minimum: 1, maximum: 2030, description: 'send information fields of at most this many bytes' },
    },
  },
  crossCheck: (args, c) => eachOutsideForEach(args.association, c.forEach),
  async run(ctx, args) {
    const { association, ...proposal } = args;
    const sap = association === undefined ? undefined : resolveAssociation(ctx, association).clientSap;
    const outcome = await ctx.client.connect(sap, proposal);
    switch (outcome.kind) {
      case 'connected':
        ctx.note(`link connected: ${outcome.note}`);
        return;
      case 'refused':
        throw new ExpectationFailure(RULE, 'the link accepted (UA)', `refused: ${outcome.note}`);
      case 'silence':
        throw new ExpectationFailure(RULE, 'the link accepted (UA)', `no answer within ${outcome.waitedMs} ms`);
      case 'malformed':
        throw new ExpectationFailure(RULE, 'the link accepted (UA)', `${outcome.code}: expected ${outcome.expected}, got ${outcome.actual}`);
      default: {
        const never: never = outcome;
        throw new Error(`connect outcome ${JSON.stringify(never)}`);
      }
    }
  },
});
