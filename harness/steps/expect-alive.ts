/**
 * `expect.alive: { association? }` — the DUT still answers after a negative case: on a new link,
 * associate, read the current association's logical_name, release. The case's own link is closed
 * first, since many devices take one link at a time (a serial line always does).
 */
import { ExpectationFailure } from '../engine/verdict';
import { ASSOCIATION_REF_SCHEMA, eachOutsideForEach, plainestAssociation, resolveAssociation } from './association-ref';
import { describeOutcome } from './outcome';
import { CURRENT_ASSOCIATION_SN } from './sn-names';
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
    const a = args.association !== undefined ? resolveAssociation(ctx, args.association) : plainestAssociation(ctx);
    ctx.used.add(a.name);
    await ctx.client.disconnect();
    ctx.association = undefined;
    const probe = ctx.openClient();
    try {
      const link = await probe.connect(a.clientSap);
      if (link.kind !== 'connected')
        throw new ExpectationFailure(RULE, 'the new link accepted', link.kind === 'silence' ? `no answer within ${link.waitedMs} ms` : link.kind);
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
      // Over SN the same attribute is READ by its short name (Blue Book 4.4.2: the current
      // Association SN at 0xFA00, logical_name its attribute 1): an LN GET would not be understood.
      const [got, gotText] =
        a.referencing === 'sn'
          ? await (async () => {
              const read = await probe.read([{ variableName: CURRENT_ASSOCIATION_SN }]);
              const first = read.kind === 'read' ? read.results[0] : undefined;
              return [
                first?.kind === 'data' ? ({ kind: 'data' } as const) : ({ kind: 'other' } as const),
                describeOutcome({ op: 'read', outcome: read }),
              ] as const;
            })()
          : await (async () => {
              const outcome = await probe.get(PROBE);
              return [outcome, describeOutcome({ op: 'get', ref: PROBE, outcome })] as const;
            })();
      if (got.kind !== 'data') throw new ExpectationFailure(RULE, `data for ${PROBE.obis} attribute 1`, gotText);
      await probe.release();
      ctx.note(`alive: associated as ${a.name} and read ${PROBE.obis}/1 → ${gotText}`);
    } finally {
      await probe.disconnect();
    }
  },
});
