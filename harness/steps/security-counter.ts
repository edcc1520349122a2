/**
 * `invocation-counter.check: { association }` — the meter keeps the last invocation counter it
 * accepted and reports it in its counter object (0-0:43.1.x.255, Green Book 9.2.3.7): read
 * through the association the profile names for it (`invocationCounter.via`) on a new link, it
 * must equal the last counter this case's client sent.
 */
import { ExpectationFailure, Inapplicable, Inconclusive } from '../engine/verdict';
import { defineStep } from './registry';
import { caseRule } from './rule';
import { rememberedCounter, resolveSecured, SECURED_REF_SCHEMA } from './security-common';
import { readInvocationCounter } from './security-params';

defineStep({
  name: 'invocation-counter.check',
  description: "Read the DUT's invocation counter object on a new link and require at least the last counter the case sent",
  schema: { type: 'object', properties: { association: SECURED_REF_SCHEMA } },
  async run(ctx, args) {
    const a = resolveSecured(ctx, args.association);
    const sent = rememberedCounter(ctx);
    if (sent === undefined) throw new Inconclusive('precondition not met: the case sent no protected request');
    // What the profile does not say is no shortfall of the meter's: the case cannot be run here.
    if (!a.security?.invocationCounter) throw new Inapplicable(`the profile names no invocation counter object for ${a.name} (security.invocationCounter)`);
    // One link at a time, as many devices allow: the case's own goes first.
    await ctx.client.disconnect();
    ctx.association = undefined;
    const probe = ctx.openClient();
    try {
      const next = await readInvocationCounter(probe, ctx.profile, a, (t) => ctx.note(t));
      if (next === undefined)
        throw new ExpectationFailure(
          caseRule(ctx),
          `the counter object ${a.security.invocationCounter.read} readable through ${a.security.invocationCounter.via}`,
          'not read (see the notes)',
        );
      const held = next === undefined ? undefined : next - 1;
      ctx.note(`invocation counter object ${a.security.invocationCounter.read}: ${held}; last counter sent: ${sent}`);
      // At or above the last counter sent is safe (Green Book 9.2.7.2.4): a meter may count what it
      // consumed, not what it saw last (real-meter.md section 2: 19 after 16). Below lets a replay in.
      if (held === undefined || held < sent)
        throw new ExpectationFailure(caseRule(ctx), `the counter object at or above ${sent} (the last counter sent)`, String(held));
    } finally {
      await probe.disconnect();
    }
  },
});
