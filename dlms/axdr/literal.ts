/**
 * A COSEM Data value written as plain data (parsed YAML): `{ type: long-unsigned, value: 7 }`,
 * `{ type: octet-string, hex: 0102 }`, `{ type: octet-string, text: ABC }`,
 * `{ type: octet-string, fill: { length: 800, hex: A5 } }` (a pattern repeated to length), or
 * `{ type: structure, items: [...] }`. Ranges follow Blue Book 4.1.5. Meter definitions
 * (simulator) and suites (harness) both write values this way; this is the one converter.
 *
 * It knows nothing of files: a mistake is a LiteralError carrying the path to the offending
 * node (`['items', 1, 'value']`), which the caller turns into its own located error.
 */
import { isDecodeError } from '../bytes/decode-error';
import { fromHex } from '../bytes/hex';
import type { Data } from './data';

/** Integer types and their ranges (Blue Book 4.1.5); enum is an unsigned 8-bit integer too. */
export const INTEGER_RANGES = {
  integer: [-128, 127],
  long: [-32768, 32767],
  unsigned: [0, 255],
  'long-unsigned': [0, 65535],
  'double-long': [-2147483648, 2147483647],
  'double-long-unsigned': [0, 4294967295],
  enum: [0, 255],
} as const;
type IntegerType = keyof typeof INTEGER_RANGES;

const BIGINT_RANGES = {
  long64: [-(2n ** 63n), 2n ** 63n - 1n],
  'long64-unsigned': [0n, 2n ** 64n - 1n],
} as const;
type BigIntType = keyof typeof BIGINT_RANGES;

/** The Data types a literal may name. */
export const LITERAL_TYPES = [
  'null-data',
  'boolean',
  ...(Object.keys(INTEGER_RANGES) as IntegerType[]),
  ...(Object.keys(BIGINT_RANGES) as BigIntType[]),
  'float32',
  'float64',
  'octet-string',
  'visible-string',
  'utf8-string',
  'array',
  'structure',
] as const;
type LiteralType = (typeof LITERAL_TYPES)[number];

export type LiteralPath = readonly (string | number)[];

export class LiteralError extends Error {
  override readonly name = 'LiteralError';
  constructor(
    /** Keys and list indexes from the literal's root to the offending node. */
    readonly path: LiteralPath,
    readonly problem: string,
  ) {
    super(path.length > 0 ? `${pathText(path)}: ${problem}` : problem);
  }
}

export function isLiteralError(e: unknown): e is LiteralError {
  return e instanceof LiteralError;
}

/** `items[1].value`, for messages where no file position is at hand. */
export function pathText(path: LiteralPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

export interface LiteralOptions {
  /**
   * Meter definitions (true): every key is checked here, and an octet-string takes exactly one
   * of hex/text/fill. Suites (false) are checked by their JSON schema first and keep its lenient
   * forms: the first of hex/text/fill wins, a visible-string may come from `text`, an array
   * without `items` is empty, long64 values are not range-checked and floats may be infinite.
   */
  readonly strict: boolean;
  /** `{ var: NAME }` stands for a value kept earlier (suites); absent, `var` is an unknown key. */
  readonly variable?: (name: string) => Data;
}

type Node = Readonly<Record<string, unknown>>;

const fail = (path: LiteralPath, problem: string): never => {
  throw new LiteralError(path, problem);
};

const show = (v: unknown): string =>
  v === undefined || v === null ? 'nothing' : typeof v === 'object' ? (Array.isArray(v) ? 'a list' : 'a mapping') : JSON.stringify(v);

function mapping(v: unknown, path: LiteralPath): Node {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Node) : fail(path, `expected a mapping, got ${show(v)}`);
}

function need(n: Node, key: string, path: LiteralPath): unknown {
  const v = n[key];
  return v === undefined || v === null ? fail(path, `missing required key ${JSON.stringify(key)}`) : v;
}

function only(n: Node, allowed: readonly string[], path: LiteralPath): void {
  for (const key of Object.keys(n)) {
    if (!allowed.includes(key)) fail([...path, key], `unknown key ${JSON.stringify(key)}; expected one of ${allowed.join(', ')}`);
  }
}

function str(v: unknown, path: LiteralPath): string {
  return typeof v === 'string' ? v : fail(path, `expected a string, got ${show(v)}`);
}

function hexBytes(v: unknown, path: LiteralPath): Uint8Array {
  try {
    return fromHex(str(v, path));
  } catch (e) {
    if (isDecodeError(e)) fail(path, `expected hex digits (${e.code})`);
    throw e;
  }
}

function int(v: unknown, min: number, max: number, path: LiteralPath, what: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) fail(path, `${what} needs an integer ${min}..${max}, got ${show(v)}`);
  return v as number;
}

function bigint(v: unknown, type: BigIntType, strict: boolean, path: LiteralPath): bigint {
  let n: bigint;
  if (typeof v === 'number' && Number.isInteger(v)) n = BigInt(v);
  else if (typeof v === 'string' && /^-?\d+$/.test(v)) n = BigInt(v);
  else return fail(path, `${type} needs an integer, got ${show(v)}`);
  const [min, max] = BIGINT_RANGES[type];
  if (strict && (n < min || n > max)) fail(path, `${type} needs an integer ${min}..${max}, got ${n}`);
  return n;
}

function octets(n: Node, strict: boolean, path: LiteralPath): Uint8Array {
  const sources = ['hex', 'text', 'fill'].filter((k) => n[k] !== undefined && n[k] !== null);
  if (sources.length === 0 || (strict && sources.length !== 1)) fail(path, 'an octet-string needs exactly one of hex, text, fill');
  if (sources[0] === 'hex') return hexBytes(n.hex, [...path, 'hex']);
  if (sources[0] === 'text') return new TextEncoder().encode(str(n.text, [...path, 'text']));
  const at = [...path, 'fill'];
  const fill = mapping(n.fill, at);
  only(fill, ['length', 'hex'], at);
  const length = int(need(fill, 'length', at), 0, 65535, [...at, 'length'], 'fill length');
  const pattern = hexBytes(need(fill, 'hex', at), [...at, 'hex']);
  if (pattern.length === 0) fail([...at, 'hex'], 'the fill pattern must not be empty');
  return Uint8Array.from({ length }, (_, i) => pattern[i % pattern.length] as number);
}

/** Converts one literal; throws LiteralError (or whatever `options.variable` throws). */
export function dataFromLiteral(literal: unknown, options: LiteralOptions, path: LiteralPath = []): Data {
  const n = mapping(literal, path);
  if (options.variable && n.var !== undefined) return options.variable(str(n.var, [...path, 'var']));
  const type = need(n, 'type', path);
  if (!(LITERAL_TYPES as readonly unknown[]).includes(type)) fail([...path, 'type'], `expected one of ${LITERAL_TYPES.join(', ')}, got ${show(type)}`);
  const t = type as LiteralType;
  const keys = (...k: string[]): void => (options.strict ? only(n, ['type', ...k], path) : undefined);
  const value = (): unknown => need(n, 'value', path);
  const at = [...path, 'value'];
  switch (t) {
    case 'null-data':
      keys();
      return { type: t };
    case 'boolean':
      keys('value');
      return typeof value() === 'boolean' ? { type: t, value: n.value as boolean } : fail(at, `boolean needs true or false, got ${show(n.value)}`);
    case 'integer':
    case 'long':
    case 'unsigned':
    case 'long-unsigned':
    case 'double-long':
    case 'double-long-unsigned':
    case 'enum': {
      keys('value');
      const [min, max] = INTEGER_RANGES[t];
      return { type: t, value: int(n.value, min, max, at, t) };
    }
    case 'long64':
    case 'long64-unsigned':
      keys('value');
      return { type: t, value: bigint(value(), t, options.strict, at) };
    case 'float32':
    case 'float64':
      keys('value');
      return typeof value() === 'number' && (!options.strict || Number.isFinite(n.value))
        ? { type: t, value: n.value as number }
        : fail(at, `${t} needs a number, got ${show(n.value)}`);
    case 'octet-string':
      keys('hex', 'text', 'fill');
      return { type: t, value: octets(n, options.strict, path) };
    case 'visible-string':
    case 'utf8-string':
      keys('value');
      if (!options.strict && typeof n.value !== 'string' && n.text !== undefined) return { type: t, value: str(n.text, [...path, 'text']) };
      return { type: t, value: str(value(), at) };
    case 'array':
    case 'structure': {
      keys('items');
      const items = options.strict ? need(n, 'items', path) : (n.items ?? []);
      if (!Array.isArray(items)) return fail([...path, 'items'], `expected a list, got ${show(items)}`);
      return { type: t, items: items.map((item, i) => dataFromLiteral(item, options, [...path, 'items', i])) };
    }
    default: {
      const never: never = t;
      return never;
    }
  }
}
