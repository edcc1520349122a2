/**
 * `connect: { association? }` — open the link: the transport, and for HDLC SNRM/UA from the
 * client address of the association's client SAP (default: the public client, 16). The DUT must
 * accept the link (Green Book 8.4.5.3.2, SNRM answered by UA).
 */
import { describeMalformed } from './service-outcome';
import { ExpectationFailure } from '../engine/verdict';
import { ASSOCIATION_REF_SCHEMA, eachOutsideForEach, resolveAssociation } from './association-ref';
import { defineStep } from './registry';

const RULE = 'Green Book 8.4.5.3.2: the server answers an acceptable SNRM with UA';

defineStep({
  name: 'connect',
  description: 'Open the link: the transport, and SNRM/UA for HDLC from the association client address',
  schema: { type: 'object', properties: { association: ASSOCIATION_REF_SCHEMA } },
  crossCheck: (args, c) => eachOutsideForEach(args.association, c.forEach),
  async run(ctx, args) {
    const sap = args.association === undefined ? undefined : resolveAssociation(ctx, args.association).clientSap;
    const outcome = await ctx.client.connect(sap);
    switch (outcome.kind) {
      case 'connected':
        ctx.note(`link connected${outcome.note ? `: ${outcome.note}` : ''}`);
        return;
      case 'refused':
        throw new ExpectationFailure(RULE, 'the link accepted (UA)', `refused: ${outcome.note}`);
      case 'silence':
        throw new ExpectationFailure(RULE, 'the link accepted (UA)', `no answer within ${outcome.waitedMs} ms`);
      case 'malformed':
        throw new ExpectationFailure(RULE, 'the link accepted (UA)', describeMalformed(outcome));
      default: {
        const never: never = outcome;
        throw new Error(`connect outcome ${JSON.stringify(never)}`);
      }
    }
  },
});
