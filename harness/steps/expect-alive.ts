/**
 * `expect.alive: { association? }` — the DUT still answers after a negative case: on a new link,
 * associate, read the current association's logical_name, release. The case's own link is closed
 * first, since many devices take one link at a time (a serial line always does).
 */
import { ExpectationFailure } from '../engine/verdict';
import { ASSOCIATION_REF_SCHEMA, eachOutsideForEach, resolveAssociation } from './association-ref';
import { describeOutcome } from './outcome';
import { defineStep } from './registry';
import { securedParams } from './security-params';

/** Current association object (Blue Book 4.4.4, class 15), attribute 1 logical_name: always readable. */
const PROBE = { classId: 15, obis: '0-0:40.0.0.255', attribute: 1 } as const;
const RULE = 'DESIGN.md (negative cases): after a refused or erroneous request the DUT still answers on a new link';

defineStep({
  name: 'expect.alive',
  description: 'Prove the DUT still answers: on a new link, associate, GET the current association logical_name, release',
  schema: { type: 'object', properties: { association: ASSOCIATION_REF_SCHEMA } },
  crossCheck: (args, c) => eachOutsideForEach(args.association, c.forEach),
  async run(ctx, args) {
    // By default the plainest association: one without authentication, else the first declared.
    const a =
      args.association !== undefined
        ? resolveAssociation(ctx, args.association)
        : (ctx.profile.associations.find((x) => x.authentication === 'none') ?? resolveAssociation(ctx, undefined));
    ctx.used.add(a.name);
    await ctx.client.disconnect();
    ctx.association = undefined;
    const probe = ctx.openClient();
    try {
      const link = await probe.connect(a.clientSap);
      if (link.kind !== 'connected') throw new ExpectationFailure(RULE, 'the new link accepted', link.kind === 'silence' ? `no answer within ${link.waitedMs} ms` : link.kind);
      const assoc = await probe.associate({
        name: a.name,
        clientSap: a.clientSap,
        referencing: a.referencing,
        authentication: a.authentication,
        ...(a.password ? { password: a.password } : {}),
        ...(await securedParams(probe, ctx.profile, a)),
      });
      const said = describeOutcome({ op: 'associate', association: a, outcome: assoc });
      if (assoc.kind !== 'accepted') throw new ExpectationFailure(RULE, `association ${a.name} accepted`, said);
      const got = await probe.get(PROBE);
      const gotText = describeOutcome({ op: 'get', ref: PROBE, outcome: got });
      if (got.kind !== 'data') throw new ExpectationFailure(RULE, `data for ${PROBE.obis} attribute 1`, gotText);
      await probe.release();
      ctx.note(`alive: associated as ${a.name} and read ${PROBE.obis}/1 → ${gotText}`);
    } finally {
      await probe.disconnect();
    }
  },
});
