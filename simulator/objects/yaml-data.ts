/**
 * COSEM Data values written in a meter definition: `{ type: double-long-unsigned, value: 12345 }`,
 * `{ type: octet-string, hex: 0102 }`, `{ type: octet-string, text: ABC }`,
 * `{ type: octet-string, fill: { length: 600, hex: 00010203 } }` (a pattern repeated to length),
 * `{ type: structure, items: [...] }`. Ranges follow Blue Book 4.1.5 (the simple data types).
 */
import type { Data } from '../../dlms/axdr/data';
import { fromHex } from '../../dlms/bytes/hex';
import { isDecodeError } from '../../dlms/bytes/decode-error';
import type { Cursor } from '../meter/yaml-cursor';

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

const BIGINT_RANGES = {
  long64: [-(2n ** 63n), 2n ** 63n - 1n],
  'long64-unsigned': [0n, 2n ** 64n - 1n],
} as const;
type BigIntType = keyof typeof BIGINT_RANGES;

const SUPPORTED = [
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

function hexBytes(c: Cursor): Uint8Array {
  const text = c.isMap() ? c.fail('expected a hex string') : String(c.string());
  try {
    return fromHex(text);
  } catch (e) {
    if (isDecodeError(e)) c.fail(`expected hex digits (${e.code})`);
    throw e;
  }
}

function octets(c: Cursor): Uint8Array {
  const sources = ['hex', 'text', 'fill'].filter((k) => c.get(k).present);
  if (sources.length !== 1) c.fail('an octet-string needs exactly one of hex, text, fill');
  if (c.get('hex').present) return hexBytes(c.get('hex'));
  if (c.get('text').present) return new TextEncoder().encode(c.get('text').string());
  const fill = c.get('fill').only(['length', 'hex']);
  const length = fill.need('length').int(0, 65535);
  const pattern = hexBytes(fill.need('hex'));
  if (pattern.length === 0) fill.get('hex').fail('the fill pattern must not be empty');
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = pattern[i % pattern.length] as number;
  return out;
}

/** Reads one Data value; every error points at the offending YAML node. */
export function dataFromYaml(c: Cursor): Data {
  const type = c.need('type').oneOf(SUPPORTED);
  switch (type) {
    case 'null-data':
      c.only(['type']);
      return { type };
    case 'boolean':
      c.only(['type', 'value']);
      return { type, value: c.need('value').boolean() };
    case 'integer':
    case 'long':
    case 'unsigned':
    case 'long-unsigned':
    case 'double-long':
    case 'double-long-unsigned':
    case 'enum': {
      c.only(['type', 'value']);
      const [min, max] = INTEGER_RANGES[type];
      return { type, value: c.need('value').int(min, max) };
    }
    case 'long64':
    case 'long64-unsigned': {
      c.only(['type', 'value']);
      const [min, max] = BIGINT_RANGES[type];
      return { type, value: c.need('value').bigint(min, max) };
    }
    case 'float32':
    case 'float64':
      c.only(['type', 'value']);
      return { type, value: c.need('value').number() };
    case 'octet-string':
      c.only(['type', 'hex', 'text', 'fill']);
      return { type, value: octets(c) };
    case 'visible-string':
    case 'utf8-string':
      c.only(['type', 'value']);
      return { type, value: c.need('value').string() };
    case 'array':
    case 'structure':
      c.only(['type', 'items']);
      return { type, items: c.need('items').items().map(dataFromYaml) };
    default: {
      const never: never = type;
      return never;
    }
  }
}
