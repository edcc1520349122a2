/**
 * `get.with-list: { attributes: [{ obis, class, attribute }], expect?: one-by-one }` — one
 * GET.request with-list (Green Book 9.3.6; multiple-references). With `expect: one-by-one` the
 * step then reads each attribute with its own GET and requires every entry of the list answer
 * to equal its single answer, data for data and data-access-result for data-access-result:
 * the list form may not change what an attribute reads as. Pick attributes whose value does not
 * move between two reads.
 */
import type { AttributeRef, GetListEntry, GetOutcome } from '../../client/api';
import { encodeDataBytes } from '../../dlms/axdr/data-codec';
import { bytesEqual } from '../../dlms/bytes/hex';
import { ExpectationFailure } from '../engine/verdict';
import { describeOutcome } from './outcome';
import { defineStep } from './registry';
import { caseRule } from './rule';
import { describeEntry } from './service-outcome';
import { ATTRIBUTE_PROPERTIES, ATTRIBUTE_REQUIRED, attributeRef } from './attribute-ref';

function sameAnswer(entry: GetListEntry, single: GetOutcome): boolean {
  if (entry.kind === 'data') return single.kind === 'data' && bytesEqual(encodeDataBytes(entry.data), encodeDataBytes(single.data));
  return single.kind === 'data-access-result' && single.result === entry.result;
}

defineStep({
  name: 'get.with-list',
  description: 'Read several attributes with one GET.request with-list; with expect: one-by-one, each answer must equal a GET of that attribute alone',
  schema: {
    type: 'object',
    properties: {
      attributes: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          properties: ATTRIBUTE_PROPERTIES,
          required: [...ATTRIBUTE_REQUIRED],
        },
      },
      expect: { type: 'string', enum: ['one-by-one'], description: 'every list entry equals the answer to a GET of that attribute alone' },
    },
    required: ['attributes'],
  },
  async run(ctx, args) {
    const refs: AttributeRef[] = args.attributes.map((a) => attributeRef(a, ctx.profile));
    const outcome = await ctx.client.getWithList(refs);
    ctx.last = { op: 'get-with-list', outcome };
    ctx.note(`GET with-list of ${refs.length} attributes → ${describeOutcome(ctx.last)}`);
    if (args.expect !== 'one-by-one') return;
    if (outcome.kind !== 'results') throw new ExpectationFailure(caseRule(ctx), `one result per attribute (${refs.length})`, describeOutcome(ctx.last));
    for (const [i, ref] of refs.entries()) {
      const single = await ctx.client.get(ref);
      const entry = outcome.results[i]!;
      const singleText = describeOutcome({ op: 'get', ref, outcome: single });
      if (!sameAnswer(entry, single)) {
        throw new ExpectationFailure(
          caseRule(ctx),
          `entry ${i + 1} (${ref.obis}/${ref.attribute}) equal to its own GET: ${singleText}`,
          `with-list entry ${i + 1}: ${describeEntry(entry)}`,
        );
      }
    }
    ctx.note(`each of the ${refs.length} entries equals its own GET`);
  },
});
