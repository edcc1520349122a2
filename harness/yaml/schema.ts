/**
 * A small subset of JSON Schema (draft 2020-12 keywords only), checked directly on YAML nodes so
 * that every violation is reported at the offending node's `file:line:col`. The same schema
 * objects are written out as schemas/*.json for editors, so the loader and the editor can never
 * disagree about what a suite or a profile may say.
 *
 * Why not a general validator: none is a dependency of this project, and their errors point at
 * JSON pointers, not at lines of the file the user wrote.
 */
import { type Node, isAlias, isMap, isScalar, isSeq, type Pair } from 'yaml';
import { ConfigError, type Place } from '../config-error';
import type { YamlSource } from './source';
import { FORMATS, type FormatName } from './formats';

export interface Schema {
  readonly type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  readonly description?: string;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  /** `false`: no other keys; a schema: every other key's value. Default: no other keys. */
  readonly additionalProperties?: false | Schema;
  readonly propertyNames?: { readonly pattern: string };
  readonly minProperties?: number;
  readonly maxProperties?: number;
  readonly items?: Schema;
  readonly minItems?: number;
  readonly enum?: readonly (string | number | boolean)[];
  readonly const?: string | number | boolean;
  readonly pattern?: string;
  readonly format?: FormatName;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly anyOf?: readonly Schema[];
}

/** Throws the first violation, located; returns nothing (read the values with `toJS` after). */
export function validateNode(src: YamlSource, node: unknown, schema: Schema, fallback: Place): void {
  const error = check(src, node, schema, fallback);
  if (error) throw error;
}

function check(src: YamlSource, raw: unknown, schema: Schema, fallback: Place): ConfigError | undefined {
  const node = isAlias(raw) ? raw.resolve(src.doc) : raw;
  const place = src.placeOf(node, fallback);
  // Never echo what might be a secret written inline: say only that something was there.
  const shown = schema.format === 'secret-ref' && node ? 'an inline value (not shown)' : describeNode(node);
  const fail = (code: string, expected: string): ConfigError => ConfigError.at(place, code, expected, shown);

  if (schema.anyOf) return checkAnyOf(src, node, schema.anyOf, place);
  if (schema.const !== undefined) {
    return isScalar(node) && node.value === schema.const ? undefined : fail('CONFIG_NOT_ALLOWED', JSON.stringify(schema.const));
  }
  if (schema.enum) {
    if (isScalar(node) && schema.enum.includes(node.value as string | number | boolean)) return undefined;
    return fail('CONFIG_NOT_ALLOWED', `one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  }
  switch (schema.type) {
    case undefined:
      return undefined;
    case 'object':
      return isMap(node) ? checkMap(src, node.items, schema, place) : fail('CONFIG_TYPE', describeSchema(schema));
    case 'array':
      if (!isSeq(node)) return fail('CONFIG_TYPE', describeSchema(schema));
      if (schema.minItems !== undefined && node.items.length < schema.minItems) {
        return fail('CONFIG_TOO_FEW_ITEMS', `at least ${schema.minItems} item(s)`);
      }
      for (const item of node.items) {
        const e = schema.items ? check(src, item, schema.items, place) : undefined;
        if (e) return e;
      }
      return undefined;
    case 'string': {
      if (!isScalar(node) || typeof node.value !== 'string') return fail('CONFIG_TYPE', describeSchema(schema));
      if (schema.format) {
        const problem = FORMATS[schema.format].check(node.value);
        if (problem) return fail(problem.code, problem.expected);
      } else if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(node.value)) {
        return fail('CONFIG_PATTERN', `text matching /${schema.pattern}/`);
      }
      return undefined;
    }
    case 'integer':
    case 'number': {
      const v = isScalar(node) ? node.value : undefined;
      if (typeof v !== 'number' || (schema.type === 'integer' && !Number.isInteger(v))) return fail('CONFIG_TYPE', describeSchema(schema));
      if ((schema.minimum !== undefined && v < schema.minimum) || (schema.maximum !== undefined && v > schema.maximum)) {
        return fail('CONFIG_RANGE', describeSchema(schema));
      }
      return undefined;
    }
    case 'boolean':
      return isScalar(node) && typeof node.value === 'boolean' ? undefined : fail('CONFIG_TYPE', 'true or false');
    default: {
      const never: never = schema.type;
      throw new Error(`schema type ${String(never)}`);
    }
  }
}

function checkMap(src: YamlSource, pairs: readonly Pair[], schema: Schema, place: Place): ConfigError | undefined {
  const props = schema.properties ?? {};
  const seen = new Set<string>();
  for (const pair of pairs) {
    const keyPlace = src.placeOf(pair.key, place);
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined) return ConfigError.at(keyPlace, 'CONFIG_TYPE', 'a plain key', describeNode(pair.key));
    seen.add(key);
    const own = props[key];
    const sub = own ?? (schema.additionalProperties === undefined ? false : schema.additionalProperties);
    if (sub === false) {
      const known = Object.keys(props);
      return ConfigError.at(keyPlace, 'CONFIG_UNKNOWN_KEY', known.length ? `one of ${known.join(', ')}` : 'no keys here', JSON.stringify(key));
    }
    if (!own && schema.propertyNames && !new RegExp(schema.propertyNames.pattern).test(key)) {
      return ConfigError.at(keyPlace, 'CONFIG_PATTERN', `a key matching /${schema.propertyNames.pattern}/`, JSON.stringify(key));
    }
    const e = check(src, pair.value, sub, keyPlace);
    if (e) return e;
  }
  for (const req of schema.required ?? []) {
    if (!seen.has(req)) {
      const what = props[req]?.description;
      return ConfigError.at(place, 'CONFIG_MISSING_KEY', `key "${req}"${what ? ` (${what})` : ''}`, seen.size ? `only ${[...seen].join(', ')}` : 'an empty mapping');
    }
  }
  if (schema.minProperties !== undefined && seen.size < schema.minProperties) {
    return ConfigError.at(place, 'CONFIG_KEY_COUNT', `at least ${schema.minProperties} of ${Object.keys(props).join(', ')}`, `${seen.size} key(s)`);
  }
  if (schema.maxProperties !== undefined && seen.size > schema.maxProperties) {
    return ConfigError.at(place, 'CONFIG_KEY_COUNT', `at most ${schema.maxProperties} of ${Object.keys(props).join(', ')}`, `${[...seen].join(', ')}`);
  }
  return undefined;
}

/**
 * Every branch failed: report the error of the branch the user evidently meant (the one whose
 * `const` discriminator matches, else the one that knows most of the mapping's keys), so the
 * message points inside the value rather than at it; with no such branch, list the choices.
 */
function checkAnyOf(src: YamlSource, node: unknown, branches: readonly Schema[], place: Place): ConfigError | undefined {
  const errors: ConfigError[] = [];
  for (const b of branches) {
    const e = check(src, node, b, place);
    if (!e) return undefined;
    errors.push(e);
  }
  if (isMap(node)) {
    const keys = new Map<string, unknown>();
    for (const p of node.items) if (isScalar(p.key)) keys.set(String(p.key.value), isScalar(p.value) ? p.value.value : undefined);
    let best = -1;
    let bestScore = 0;
    branches.forEach((b, i) => {
      let score = 0;
      for (const [k, s] of Object.entries(b.properties ?? {})) {
        if (!keys.has(k)) continue;
        score += s.const !== undefined ? (keys.get(k) === s.const ? 100 : -100) : 1;
      }
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    });
    if (best >= 0) return errors[best];
  }
  return ConfigError.at(place, 'CONFIG_NO_ALTERNATIVE', branches.map(describeSchema).join(', or '), describeNode(node));
}

export function describeSchema(s: Schema): string {
  if (s.anyOf) return s.anyOf.map(describeSchema).join(' or ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return `one of ${s.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  switch (s.type) {
    case 'object': {
      const keys = Object.keys(s.properties ?? {});
      if (s.maxProperties === 1 && keys.length) return `a mapping with one of ${keys.join(', ')}`;
      return keys.length ? `a mapping with ${(s.required ?? keys).join(', ')}` : 'a mapping';
    }
    case 'array':
      return 'a list';
    case 'string':
      return s.format ? FORMATS[s.format].expected : s.description ?? 'a string';
    case 'integer':
    case 'number': {
      const what = s.type === 'integer' ? 'an integer' : 'a number';
      if (s.minimum !== undefined && s.maximum !== undefined) return `${what} from ${s.minimum} to ${s.maximum}`;
      if (s.minimum !== undefined) return `${what} >= ${s.minimum}`;
      return what;
    }
    case 'boolean':
      return 'true or false';
    case undefined:
      return 'any value';
    default: {
      const never: never = s.type;
      return String(never);
    }
  }
}

export function describeNode(node: unknown): string {
  if (node === null || node === undefined) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'nothing (null)';
    if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
    return String(v);
  }
  return 'an unreadable node';
}

/** The node at a path of keys/indexes below `root`, for locating errors found after validation. */
export function nodeAt(root: unknown, path: readonly (string | number)[]): Node | undefined {
  let n: unknown = root;
  for (const k of path) {
    if (isMap(n)) n = n.items.find((p) => isScalar(p.key) && p.key.value === k)?.value;
    else if (isSeq(n) && typeof k === 'number') n = n.items[k];
    else return undefined;
  }
  return (n ?? undefined) as Node | undefined;
}

/** Place of the value at `path`, falling back to its key, then to the nearest ancestor found. */
export function placeAtPath(src: YamlSource, path: readonly (string | number)[], root: unknown = src.root): Place {
  for (let i = path.length; i >= 0; i--) {
    const n = nodeAt(root, path.slice(0, i));
    if (n) return src.placeOf(n);
  }
  return src.placeOf(root);
}
