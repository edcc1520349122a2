/**
 * `get.selected: { obis, class, attribute, selector, entries? }` — a GET.request normal with a
 * selective access (Green Book 9.3.6 Selective-Access-Descriptor): any access selector, with an
 * entry_descriptor (Blue Book 4.3.6) as its parameters. Judge it with a following `expect`, e.g.
 * the exact data-access-result for a selector the attribute does not serve.
 */
import { entryDescriptorToData } from '../../dlms/cosem/selective-access';
import { getAttribute } from './cosem-access';
import { describeOutcome } from './outcome';
import { defineStep } from './registry';
import { ATTRIBUTE_PROPERTIES, ATTRIBUTE_REQUIRED, attributeRef } from './attribute-ref';

const ENTRY = { type: 'integer', minimum: 0, maximum: 0xffffffff } as const;
const COLUMN = { type: 'integer', minimum: 0, maximum: 0xffff } as const;

defineStep({
  name: 'get.selected',
  judged: true,
  description:
    'Read one attribute with a selective access: any access selector, an entry_descriptor as parameters; judge it with expect: (inline) or a following expect step',
  schema: {
    type: 'object',
    properties: {
      ...ATTRIBUTE_PROPERTIES,
      selector: { type: 'integer', minimum: 0, maximum: 255, description: 'access selector (Blue Book: 1 range, 2 entry for a Profile generic buffer)' },
      entries: {
        type: 'object',
        description: 'entry_descriptor: entries from..to (from 1; to 0 = the last), columns fromColumn..toColumn (default all)',
        properties: { from: ENTRY, to: ENTRY, fromColumn: COLUMN, toColumn: COLUMN },
        required: ['from', 'to'],
      },
    },
    required: [...ATTRIBUTE_REQUIRED, 'selector'],
  },
  async run(ctx, args) {
    const e = args.entries ?? { from: 1, to: 1 };
    const parameters = entryDescriptorToData({ fromEntry: e.from, toEntry: e.to, fromSelectedValue: e.fromColumn ?? 1, toSelectedValue: e.toColumn ?? 0 });
    const ref = { ...attributeRef(args, ctx.profile), selector: { selector: args.selector, parameters } };
    const outcome = await getAttribute(ctx, ref);
    ctx.last = { op: 'get', ref, outcome };
    ctx.note(
      `GET ${args.obis} class ${args.class} attribute ${args.attribute} with selector ${args.selector} (entries ${e.from}..${e.to}) → ${describeOutcome(ctx.last)}`,
    );
  },
});
