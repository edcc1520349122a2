/**
 * A COSEM Data value as a suite writes it, for SET values and ACTION parameters:
 * `{ type: long-unsigned, value: 7 }`, `{ type: octet-string, hex: 0102 }`,
 * `{ type: octet-string, text: ABC }`, `{ type: octet-string, fill: { length: 800, hex: A5 } }`
 * (a pattern repeated to length), `{ type: structure, items: [...] }`, or `{ var: name }` for a
 * value kept by an earlier step (`get … as: name`). The conversion is dlms/axdr/literal.ts.
 */
import type { Data } from '../../dlms/axdr/data';
import { dataFromLiteral, isLiteralError, LITERAL_TYPES } from '../../dlms/axdr/literal';
import { HarnessFault } from '../engine/verdict';
import type { Schema } from '../yaml/schema';
import { typedSchema } from '../yaml/from-schema';
import type { StepContext } from './context';

export interface DataLiteral {
  readonly type?: string;
  readonly value?: number | string | boolean;
  readonly hex?: string;
  readonly text?: string;
  readonly fill?: { readonly length: number; readonly hex: string };
  readonly items?: readonly DataLiteral[];
  readonly var?: string;
}

const HEX = '^([0-9A-Fa-f]{2})*$';

function literalSchema(depth: number): Schema {
  return {
    type: 'object',
    description: 'a Data value: { type, value | hex | text | fill | items }, or { var: NAME }',
    properties: {
      type: { type: 'string', enum: [...LITERAL_TYPES] },
      value: { anyOf: [{ type: 'number' }, { type: 'string' }, { type: 'boolean' }] },
      hex: { type: 'string', pattern: HEX },
      text: { type: 'string' },
      fill: {
        type: 'object',
        properties: { length: { type: 'integer', minimum: 0, maximum: 65535 }, hex: { type: 'string', pattern: HEX } },
        required: ['length', 'hex'],
      },
      ...(depth > 0 ? { items: { type: 'array', items: literalSchema(depth - 1) } } : {}),
      var: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9]*$', description: 'a value kept earlier with `as`' },
    },
  };
}

/** Four levels of nesting: deeper structures come from variables. */
export const DATA_LITERAL_SCHEMA = typedSchema<DataLiteral>(literalSchema(4));

/** The lenient suite form of dlms/axdr/literal.ts (the schema above has checked the keys). */
export function dataOf(l: DataLiteral, ctx: StepContext): Data {
  try {
    return dataFromLiteral(l, { strict: false, variable: (name) => kept(name, ctx) });
  } catch (e) {
    if (isLiteralError(e)) throw new HarnessFault(`suite Data value: ${e.message}`, 'harness', 'SUITE_BAD_DATA');
    throw e;
  }
}

function kept(name: string, ctx: StepContext): Data {
  const value = ctx.vars.get(name);
  if (!value) throw new HarnessFault(`no value kept under "${name}" (an earlier step must say as: ${name})`, 'harness', 'SUITE_UNKNOWN_VAR');
  return value;
}
