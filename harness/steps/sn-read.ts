/**
 * `read: { variables: [ { obis, attribute } | { name } | { undefined: true } ], as?, expect? }`
 * — a short-name READ (Green Book 9.3 ReadRequest) of one or more variables; with `expect`, one
 * expectation per variable, in order: `{ data: … }` or `{ dataAccessResult: name }`. The
 * outcome is kept for a following `expect` step, the first datum under `as`.
 */
import { DATA_ACCESS_RESULT_NAMES, nameOf } from './spec-names';
import type { SnReadResult } from '../../client/api';
import { ExpectationFailure } from '../engine/verdict';
import type { Schema } from '../yaml/schema';
import { typedSchema } from '../yaml/from-schema';
import type { StepContext } from './context';
import { dataText, describeOutcome, ONE_OF_EXPECTATION_SCHEMA, type DataExpectation, type OutcomeExpectation } from './outcome';
import { judgeOutcome } from './judge';
import { defineStep } from './registry';
import { caseRule } from './rule';
import { undefinedVariableName, variableNameOf } from './sn-names';

export type SnVariableRef = { readonly obis: string; readonly attribute: number } | { readonly name: number } | { readonly undefined: true };

interface ResultExpectation {
  readonly data?: DataExpectation;
  readonly dataAccessResult?: string;
}

export const SN_VARIABLE_SCHEMA = typedSchema<SnVariableRef>({
  anyOf: [
    {
      type: 'object',
      properties: { obis: { type: 'string', format: 'obis' }, attribute: { type: 'integer', minimum: 1, maximum: 127 } },
      required: ['obis', 'attribute'],
      description: 'an object of the SN object list and an attribute',
    },
    { type: 'object', properties: { name: { type: 'integer', minimum: 0, maximum: 0xffff } }, required: ['name'], description: 'a variable name as is' },
    { type: 'object', properties: { undefined: { const: true } }, required: ['undefined'], description: 'a variable name no listed object has' },
  ],
});

const RESULT_SCHEMA: Schema = {
  type: 'object',
  properties: {
    data: {
      type: 'object',
      properties: { type: { type: 'string' }, text: { type: 'string' }, textFromProfile: { type: 'string', enum: ['logicalDeviceName'] } },
    },
    dataAccessResult: nameOf(DATA_ACCESS_RESULT_NAMES, 'data-access-result'),
  },
  minProperties: 1,
  maxProperties: 1,
};

export async function resolveVariable(ctx: StepContext, v: SnVariableRef): Promise<number> {
  if ('name' in v) return v.name;
  if ('undefined' in v) return undefinedVariableName(ctx);
  return variableNameOf(ctx, v.obis, v.attribute);
}

function holds(e: ResultExpectation, r: SnReadResult, ctx: StepContext): boolean {
  if (e.dataAccessResult !== undefined) return r.kind === 'data-access-result' && r.result === e.dataAccessResult;
  if (r.kind !== 'data') return false;
  const d = e.data ?? {};
  if (d.type !== undefined && d.type !== r.data.type) return false;
  const text = d.text ?? (d.textFromProfile ? ctx.profile.expect[d.textFromProfile] : undefined);
  return text === undefined || dataText(r.data) === text;
}

function said(e: ResultExpectation, ctx: StepContext): string {
  if (e.dataAccessResult !== undefined) return `data-access-error ${e.dataAccessResult}`;
  const d = e.data ?? {};
  const text = d.text ?? (d.textFromProfile ? ctx.profile.expect[d.textFromProfile] : undefined);
  return `data${d.type ? ` of type ${d.type}` : ''}${text !== undefined ? ` ${JSON.stringify(text)}` : ''}`;
}

defineStep({
  name: 'read',
  description: 'Short-name READ of one or more variables (Green Book 9.3); optionally one expectation per variable',
  schema: {
    type: 'object',
    properties: {
      variables: { type: 'array', minItems: 1, items: SN_VARIABLE_SCHEMA },
      as: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9]*$', description: 'keep the first datum under this name' },
      expect: {
        anyOf: [{ type: 'array', items: RESULT_SCHEMA }, ONE_OF_EXPECTATION_SCHEMA],
        description: 'one expectation per variable, in order; or { oneOf: [...] } on the whole outcome (silence, an exception, a hang-up)',
      },
    },
    required: ['variables'],
  },
  async run(ctx, args) {
    const names: number[] = [];
    for (const v of args.variables) names.push(await resolveVariable(ctx, v));
    const outcome = await ctx.client.read(names.map((variableName) => ({ variableName })));
    ctx.last = { op: 'read', outcome };
    const first = outcome.kind === 'read' ? outcome.results[0] : undefined;
    if (args.as && first?.kind === 'data') ctx.vars.set(args.as, first.data);
    const text = describeOutcome(ctx.last);
    ctx.note(`READ ${names.map((n) => `0x${n.toString(16).toUpperCase().padStart(4, '0')}`).join(', ')} → ${text}`);
    if (!args.expect) return;
    if (!Array.isArray(args.expect)) return judgeOutcome(ctx, args.expect as OutcomeExpectation);
    const expected = `ReadResponse [${args.expect.map((e) => said(e, ctx)).join('; ')}]`;
    if (outcome.kind !== 'read' || outcome.results.length !== args.expect.length || !args.expect.every((e, i) => holds(e, outcome.results[i]!, ctx))) {
      throw new ExpectationFailure(caseRule(ctx), expected, text);
    }
  },
});
