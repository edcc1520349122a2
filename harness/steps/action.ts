/**
 * `action: { obis, class, method, parameters? }` — an ACTION.request (Green Book 9.3.8); the
 * client sends long parameters in pblocks when block transfer with ACTION was negotiated. Judge
 * the action-result with a following `expect` (`actionResult: success`, `object-undefined`, …).
 */
import { DATA_LITERAL_SCHEMA, dataOf } from './data-literal';
import { describeOutcome } from './outcome';
import { defineStep } from './registry';

defineStep({
  name: 'action',
  judged: true,
  description:
    'Invoke one method (ACTION.request normal, or with pblocks when the parameters are long); judge it with expect: (inline) or a following expect step',
  schema: {
    type: 'object',
    properties: {
      obis: { type: 'string', format: 'obis', description: 'logical name, A-B:C.D.E.F' },
      class: { type: 'integer', minimum: 0, maximum: 65535, description: 'class_id' },
      method: { type: 'integer', minimum: 1, maximum: 127, description: 'method index' },
      parameters: DATA_LITERAL_SCHEMA,
    },
    required: ['obis', 'class', 'method'],
  },
  async run(ctx, args) {
    const ref = { classId: args.class, obis: args.obis, method: args.method };
    const outcome = await ctx.client.action(ref, args.parameters === undefined ? undefined : dataOf(args.parameters, ctx));
    ctx.last = { op: 'action', ref, outcome };
    ctx.note(`ACTION ${args.obis} class ${args.class} method ${args.method} → ${describeOutcome(ctx.last)}`);
  },
});
