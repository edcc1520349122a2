/**
 * `get: { obis, class, attribute, as? }` — a GET.request normal (Green Book 9.3.9); the outcome
 * is judged by a following `expect` step, and kept under `as` for later checks.
 */
import { registerStep } from './registry';
import { describeOutcome } from './outcome';
import { ATTRIBUTE_PROPERTIES, ATTRIBUTE_REQUIRED, attributeRef, type SuiteAttribute } from './attribute-ref';

interface GetArgs extends SuiteAttribute {
  readonly as?: string;
}

registerStep<GetArgs>({
  name: 'get',
  description: 'Read one attribute (GET.request normal); judge it with a following expect step',
  schema: {
    type: 'object',
    properties: {
      ...ATTRIBUTE_PROPERTIES,
      as: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9]*$', description: 'keep the data under this name' },
    },
    required: [...ATTRIBUTE_REQUIRED],
  },
  async run(ctx, args) {
    const ref = attributeRef(args, ctx.profile);
    const outcome = await ctx.client.get(ref);
    ctx.last = { op: 'get', ref, outcome };
    if (args.as && outcome.kind === 'data') ctx.vars.set(args.as, outcome.data);
    ctx.note(`GET ${args.obis} class ${args.class} attribute ${args.attribute} → ${describeOutcome(ctx.last)}`);
  },
});
