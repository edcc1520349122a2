/**
 * `get: { obis, class, attribute, as? }` — a GET.request normal (Green Book 9.3.9); the outcome
 * is judged by a following `expect` step, and kept under `as` for later checks.
 */
import { registerStep } from './registry';
import { describeOutcome } from './outcome';

interface GetArgs {
  readonly obis: string;
  readonly class: number;
  readonly attribute: number;
  readonly as?: string;
}

registerStep<GetArgs>({
  name: 'get',
  description: 'Read one attribute (GET.request normal); judge it with a following expect step',
  schema: {
    type: 'object',
    properties: {
      obis: { type: 'string', format: 'obis', description: 'logical name, A-B:C.D.E.F' },
      class: { type: 'integer', minimum: 0, maximum: 65535, description: 'class_id' },
      attribute: { type: 'integer', minimum: 1, maximum: 127, description: 'attribute index' },
      as: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9]*$', description: 'keep the data under this name' },
    },
    required: ['obis', 'class', 'attribute'],
  },
  async run(ctx, args) {
    const ref = { classId: args.class, obis: args.obis, attribute: args.attribute };
    const outcome = await ctx.client.get(ref);
    ctx.last = { op: 'get', ref, outcome };
    if (args.as && outcome.kind === 'data') ctx.vars.set(args.as, outcome.data);
    ctx.note(`GET ${args.obis} class ${args.class} attribute ${args.attribute} → ${describeOutcome(ctx.last)}`);
  },
});
