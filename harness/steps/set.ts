/**
 * `set: { obis, class, attribute, value, as? }` — a SET.request (Green Book 9.3.7); the client
 * sends the value in blocks when it exceeds the server's max receive PDU size and block transfer
 * with SET was negotiated. Judge the data-access-result with a following `expect`
 * (`dataAccessResult: success`, `read-write-denied`, …).
 */
import { DATA_LITERAL_SCHEMA, dataOf } from './data-literal';
import { describeOutcome } from './outcome';
import { defineStep } from './registry';
import { ATTRIBUTE_PROPERTIES, ATTRIBUTE_REQUIRED, attributeRef } from './attribute-ref';

defineStep({
  name: 'set',
  judged: true,
  description: 'Write one attribute (SET.request normal, or with datablocks when it is long); judge it with expect: (inline) or a following expect step',
  schema: {
    type: 'object',
    properties: {
      ...ATTRIBUTE_PROPERTIES,
      value: DATA_LITERAL_SCHEMA,
      as: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9]*$', description: 'keep the value sent under this name' },
    },
    required: [...ATTRIBUTE_REQUIRED, 'value'],
  },
  async run(ctx, args) {
    const ref = attributeRef(args);
    const value = dataOf(args.value, ctx);
    if (args.as) ctx.vars.set(args.as, value);
    const outcome = await ctx.client.set(ref, value);
    ctx.last = { op: 'set', ref, outcome };
    ctx.note(`SET ${args.obis} class ${args.class} attribute ${args.attribute} → ${describeOutcome(ctx.last)}`);
  },
});
