/**
 * `invocation-counter.server: { as }` / `{ above }` — the server's own invocation counter across
 * associations (Green Book 9.2.3.7: under one key a counter value is used once; the GCM nonce is
 * system title || counter, NIST SP 800-38D 8.2). `as` keeps the last counter the server used in
 * the open ciphered association; `above` requires the first counter of the open association (its
 * AARE) to be above the one kept: a server that starts again at the same value reuses nonces
 * (real-meter.md section 5: identical AARE ciphertexts, association after association).
 */
import { ExpectationFailure, HarnessFault } from '../engine/verdict';
import { defineStep } from './registry';
import type { Schema } from '../yaml/schema';
import { caseRule } from './rule';

const NAME = { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9]*$' } as const;

const SERVER_COUNTER_SCHEMA = {
  type: 'object',
  properties: {
    as: { ...NAME, description: 'keep the last counter the server used, under this name' },
    above: { ...NAME, description: "the open association's first server counter must be above the one kept under this name" },
  },
  minProperties: 1,
  maxProperties: 1,
} as const satisfies Schema;

defineStep({
  name: 'invocation-counter.server',
  description:
    "Keep the server's last invocation counter of the open ciphered association (as), or require the open association's first one above a kept one (above)",
  schema: SERVER_COUNTER_SCHEMA,
  async run(ctx, args) {
    const s = ctx.client.security?.();
    if (!s)
      throw new HarnessFault(
        'invocation-counter.server needs an open ciphered association (associate with protection: first)',
        'harness',
        'STEP_NO_SECURE_SESSION',
      );
    if (args.as !== undefined) {
      if (s.lastServerCounter === undefined)
        throw new HarnessFault('the server has sent no protected APDU in this association yet', 'harness', 'STEP_NO_SERVER_COUNTER');
      ctx.vars.set(args.as, { type: 'double-long-unsigned', value: s.lastServerCounter });
      ctx.note(`the server's last invocation counter: ${s.lastServerCounter} (kept as ${args.as})`);
      return;
    }
    const kept = ctx.vars.get(args.above!);
    if (kept?.type !== 'double-long-unsigned')
      throw new HarnessFault(
        `no server counter kept as ${args.above} (an earlier invocation-counter.server must keep it with as:)`,
        'harness',
        'STEP_NO_VALUE',
      );
    const first = s.firstServerCounter;
    ctx.note(`the server's first invocation counter in this association: ${first ?? 'none'}; the last of the earlier one: ${kept.value}`);
    if (first === undefined || first <= kept.value) {
      throw new ExpectationFailure(
        caseRule(ctx),
        `the server's invocation counter above ${kept.value} (its last under this key in the earlier association): a counter value is used once per key`,
        first === undefined ? 'no protected APDU from the server' : `${first} (the GCM nonce reused)`,
      );
    }
  },
});
