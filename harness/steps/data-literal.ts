/**
 * A COSEM Data value as a suite writes it, for SET values and ACTION parameters:
 * `{ type: long-unsigned, value: 7 }`, `{ type: octet-string, hex: 0102 }`,
 * `{ type: octet-string, text: ABC }`, `{ type: octet-string, fill: { length: 800, hex: A5 } }`
 * (a pattern repeated to length), `{ type: structure, items: [...] }`, or `{ var: name }` for a
 * value kept by an earlier step (`get … as: name`). Ranges follow Blue Book 4.1.5.
 */
import type { Data } from '../../dlms/axdr/data';
import { fromHex } from '../../dlms/bytes/hex';
import { HarnessFault } from '../engine/verdict';
import type { Schema } from '../yaml/schema';
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

/** Integer types and their ranges (Blue Book 4.1.5). */
const INTEGER_RANGES = {
  integer: [-128, 127],
  long: [-32768, 32767],
  unsigned: [0, 255],
  'long-unsigned': [0, 65535],
  'double-long': [-2147483648, 2147483647],
  'double-long-unsigned': [0, 4294967295],
  enum: [0, 255],
} as const;
type IntegerType = keyof typeof INTEGER_RANGES;

const TYPES = ['null-data', 'boolean', ...Object.keys(INTEGER_RANGES), 'long64', 'long64-unsigned', 'float32', 'float64', 'octet-string', 'visible-string', 'utf8-string', 'array', 'structure'];
const HEX = '^([0-9A-Fa-f]{2})*$';

function literalSchema(depth: number): Schema {
  return {
    type: 'object',
    description: 'a Data value: { type, value | hex | text | fill | items }, or { var: NAME }',
    properties: {
      type: { type: 'string', enum: TYPES },
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
export const DATA_LITERAL_SCHEMA: Schema = literalSchema(4);

function bad(what: string): never {
  throw new HarnessFault(`suite Data value: ${what}`, 'harness', 'SUITE_BAD_DATA');
}

function octets(l: DataLiteral): Uint8Array {
  if (l.hex !== undefined) return fromHex(l.hex);
  if (l.text !== undefined) return new TextEncoder().encode(l.text);
  if (l.fill !== undefined) {
    const pattern = fromHex(l.fill.hex);
    if (pattern.length === 0) bad('an empty fill pattern');
    return Uint8Array.from({ length: l.fill.length }, (_, i) => pattern[i % pattern.length] as number);
  }
  return bad('an octet-string needs hex, text or fill');
}

export function dataOf(l: DataLiteral, ctx: StepContext): Data {
  if (l.var !== undefined) {
    const kept = ctx.vars.get(l.var);
    if (!kept) throw new HarnessFault(`no value kept under "${l.var}" (an earlier step must say as: ${l.var})`, 'harness', 'SUITE_UNKNOWN_VAR');
    return kept;
  }
  const type = l.type ?? bad('a value needs a type or a var');
  if (type in INTEGER_RANGES) {
    const [min, max] = INTEGER_RANGES[type as IntegerType];
    const v = l.value;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) bad(`${type} needs an integer ${min}..${max}, got ${String(v)}`);
    return { type: type as IntegerType, value: v };
  }
  switch (type) {
    case 'null-data':
      return { type };
    case 'boolean':
      return typeof l.value === 'boolean' ? { type, value: l.value } : bad('boolean needs true or false');
    case 'long64':
    case 'long64-unsigned':
      return { type, value: BigInt(l.value === undefined || typeof l.value === 'boolean' ? bad(`${type} needs a value`) : l.value) };
    case 'float32':
    case 'float64':
      return typeof l.value === 'number' ? { type, value: l.value } : bad(`${type} needs a number`);
    case 'octet-string':
      return { type, value: octets(l) };
    case 'visible-string':
    case 'utf8-string':
      return { type, value: typeof l.value === 'string' ? l.value : (l.text ?? bad(`${type} needs a value`)) };
    case 'array':
    case 'structure':
      return { type, items: (l.items ?? []).map((i) => dataOf(i, ctx)) };
    default:
      return bad(`type ${type} is not supported in suites`);
  }
}
