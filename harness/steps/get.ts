/**
 * `get: { obis, class, attribute, as?, protection?, expect? }` — a GET.request normal (Green Book
 * 9.3.9); the outcome is judged by `expect:` and kept under `as` for later checks. With
 * `protection:` it goes out in the open ciphered association as that says (security-exchange.ts).
 */
import { defineStep } from './registry';
import { PROTECTION_SCHEMA, protectedGet } from './security-exchange';
import { describeOutcome } from './outcome';
import { ATTRIBUTE_PROPERTIES, ATTRIBUTE_REQUIRED, attributeRef } from './attribute-ref';

defineStep({
  name: 'get',
  judged: true,
  description: 'Read one attribute (GET.request normal); judge it with expect: (inline) or a following expect step',
  schema: {
    type: 'object',
    properties: {
      ...ATTRIBUTE_PROPERTIES,
      as: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9]*$', description: 'keep the data under this name' },
      protection: PROTECTION_SCHEMA,
    },
    required: [...ATTRIBUTE_REQUIRED],
  },
  async run(ctx, args) {
    if (args.protection !== undefined) {
      await protectedGet(ctx, args, args.protection);
      if (args.as && ctx.last?.outcome.kind === 'data') ctx.vars.set(args.as, ctx.last.outcome.data);
      return;
    }
    const ref = attributeRef(args, ctx.profile);
    const outcome = await ctx.client.get(ref);
    ctx.last = { op: 'get', ref, outcome };
    if (args.as && outcome.kind === 'data') ctx.vars.set(args.as, outcome.data);
    ctx.note(`GET ${args.obis} class ${args.class} attribute ${args.attribute} → ${describeOutcome(ctx.last)}`);
  },
});
