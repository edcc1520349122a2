/**
 * `write: { variables: [ { obis, attribute, value } | … ], expect? }` — a short-name WRITE
 * (Green Book 9.3 WriteRequest); with `expect`, one per variable, in order: `success` or
 * `{ dataAccessResult: name }`. Values are typed as in meter definitions:
 * `{ type: octet-string, hex: … }`, `{ type: long-unsigned, value: 7 }`.
 */
import { DATA_ACCESS_RESULT_NAMES, nameOf } from './spec-names';
import type { Data } from '../../dlms/axdr/data';
import { fromHex } from '../../dlms/bytes/hex';
import { ExpectationFailure, HarnessFault } from '../engine/verdict';
import type { Schema } from '../yaml/schema';
import { describeOutcome } from './outcome';
import { defineStep } from './registry';
import { caseRule } from './rule';
import { resolveVariable, SN_VARIABLE_SCHEMA, type SnVariableRef } from './sn-read';

interface WriteItem {
  readonly variable: SnVariableRef;
  readonly value: { readonly type: string; readonly hex?: string; readonly value?: number };
}

const INTEGER_TYPES = ['integer', 'long', 'double-long', 'unsigned', 'long-unsigned', 'double-long-unsigned', 'enum'] as const;

function dataOf(v: WriteItem['value']): Data {
  if (v.type === 'octet-string' && v.hex !== undefined) return { type: 'octet-string', value: fromHex(v.hex) };
  if ((INTEGER_TYPES as readonly string[]).includes(v.type) && v.value !== undefined) return { type: v.type as (typeof INTEGER_TYPES)[number], value: v.value };
  throw new HarnessFault(`write value ${JSON.stringify(v)}: an octet-string with hex, or an integer type with value`, 'harness', 'WRITE_BAD_VALUE');
}

const VALUE_SCHEMA = {
  type: 'object',
  properties: {
    type: { type: 'string', enum: ['octet-string', ...INTEGER_TYPES] },
    hex: { type: 'string', pattern: '^([0-9A-Fa-f]{2})*$' },
    value: { type: 'integer' },
  },
  required: ['type'],
} as const satisfies Schema;

defineStep({
  name: 'write',
  description: 'Short-name WRITE of one or more variables (Green Book 9.3); optionally one expectation per variable',
  schema: {
    type: 'object',
    properties: {
      variables: {
        type: 'array',
        minItems: 1,
        items: { type: 'object', properties: { variable: SN_VARIABLE_SCHEMA, value: VALUE_SCHEMA }, required: ['variable', 'value'] },
      },
      expect: {
        type: 'array',
        items: {
          anyOf: [
            { type: 'string', enum: ['success'] },
            { type: 'object', properties: { dataAccessResult: nameOf(DATA_ACCESS_RESULT_NAMES, 'data-access-result') }, required: ['dataAccessResult'] },
          ],
        },
      },
    },
    required: ['variables'],
  },
  async run(ctx, args) {
    const items = [];
    for (const v of args.variables) items.push({ variableName: await resolveVariable(ctx, v.variable), data: dataOf(v.value) });
    const outcome = await ctx.client.write(items);
    ctx.last = { op: 'write', outcome };
    const text = describeOutcome(ctx.last);
    ctx.note(`WRITE ${items.map((i) => `0x${i.variableName.toString(16).toUpperCase().padStart(4, '0')}`).join(', ')} → ${text}`);
    if (!args.expect) return;
    const expected = `WriteResponse [${args.expect.map((e) => (e === 'success' ? 'success' : `data-access-error ${e.dataAccessResult}`)).join('; ')}]`;
    const ok =
      outcome.kind === 'written' &&
      outcome.results.length === args.expect.length &&
      args.expect.every((e, i) => {
        const r = outcome.results[i]!;
        return e === 'success' ? r.kind === 'success' : r.kind === 'data-access-result' && r.result === e.dataAccessResult;
      });
    if (!ok) throw new ExpectationFailure(caseRule(ctx), expected, text);
  },
});
