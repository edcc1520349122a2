/**
 * Validation with Ajv, the ecosystem's JSON Schema validator, against the very schemas shipped to
 * editors (schemas/*.json), each error mapped back from its JSON pointer to the YAML node it
 * names, so the user reads `file:line:col`, what was expected and what was found. Where several
 * alternatives (`anyOf`) all fail, the error reported is the one of the branch the user evidently
 * meant: the one whose `const` discriminator matches, else the one that knows most of the
 * mapping's keys; with no such branch, the alternatives are listed.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { isAlias, isMap, isNode, isScalar, isSeq, type Node } from 'yaml';
import { ConfigError, type Place } from '../../config/error';
import { FORMATS, type FormatName } from './formats';
import { toJsonSchema, type JsonSchema } from './json-schema';
import { describeNode, describeSchema, type Schema } from './schema';
import type { YamlSource } from '../../config/yaml-source';

const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true });
for (const [name, format] of Object.entries(FORMATS)) {
  ajv.addFormat(name, { type: 'string', validate: (text: string) => format.check(text) === undefined });
}

const compiled = new WeakMap<object, ValidateFunction>();
const byText = new Map<string, ValidateFunction>();

function validatorFor(schema: Schema | JsonSchema): ValidateFunction {
  const json = '$schema' in schema ? (schema as JsonSchema) : undefined;
  let v = compiled.get(schema);
  if (v) return v;
  if (json) {
    v = ajv.compile(json);
  } else {
    const key = JSON.stringify(schema);
    v = byText.get(key) ?? ajv.compile(toJsonSchema(schema as Schema));
    byText.set(key, v);
  }
  compiled.set(schema, v);
  return v;
}

/**
 * Throws the first violation of `schema` by `node`, located; returns nothing (read the values with
 * `toJS` after). `schema` is a shipped JSON Schema, or one of our Schema objects (a step's
 * arguments), converted the way the shipped files are.
 */
export function validateNode(src: YamlSource, node: unknown, schema: Schema | JsonSchema, fallback: Place): void {
  const validate = validatorFor(schema);
  const value = isNode(node) ? node.toJS(src.doc) : null;
  if (validate(value)) return;
  throw firstError(src, node, fallback, validate.errors ?? []);
}

/** The same check on plain data (no file behind it): a problem with its path, or undefined. */
export function validateValue(
  value: unknown,
  schema: Schema,
): { readonly path: readonly string[]; readonly code: string; readonly expected: string; readonly actual: string } | undefined {
  const validate = validatorFor(schema);
  if (validate(value)) return undefined;
  const e = chosen(validate.errors ?? [])[0];
  if (!e) return undefined;
  const m = meaning(e);
  const path = pointer(e.instancePath);
  return {
    path: m.key === undefined ? path : [...path, m.key],
    code: m.code,
    expected: m.expected,
    actual: m.key ? JSON.stringify(m.key) : JSON.stringify(e.data),
  };
}

interface Meaning {
  readonly code: string;
  readonly expected: string;
  /** The offending key, for errors about a key rather than a value. */
  readonly key?: string;
  /** Errors about a whole mapping (a key missing, too many keys) come after those inside it. */
  readonly mapLevel?: boolean;
}

function parent(e: ErrorObject): Schema {
  return (e.parentSchema ?? {}) as Schema;
}

function meaning(e: ErrorObject): Meaning {
  const s = parent(e);
  const params = e.params as Record<string, unknown>;
  // Inside `propertyNames` Ajv checks a key as a value; report it at the key.
  const propertyName = (e as { propertyName?: string }).propertyName;
  if (propertyName !== undefined && e.keyword === 'pattern')
    return { code: 'CONFIG_PATTERN', expected: `a key matching /${s.pattern ?? ''}/`, key: propertyName };
  switch (e.keyword) {
    case 'type':
      return { code: 'CONFIG_TYPE', expected: s.type === 'boolean' ? 'true or false' : describeSchema(s) };
    case 'const':
      return { code: 'CONFIG_NOT_ALLOWED', expected: JSON.stringify(s.const) };
    case 'enum':
      return { code: 'CONFIG_NOT_ALLOWED', expected: `one of ${(s.enum ?? []).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'additionalProperties': {
      const known = Object.keys(s.properties ?? {});
      return { code: 'CONFIG_UNKNOWN_KEY', expected: known.length ? `one of ${known.join(', ')}` : 'no keys here', key: String(params.additionalProperty) };
    }
    case 'propertyNames':
      return { code: 'CONFIG_PATTERN', expected: `a key matching /${s.propertyNames?.pattern ?? ''}/`, key: String(params.propertyName) };
    case 'pattern':
      return s.format ? formatMeaning(s.format) : { code: 'CONFIG_PATTERN', expected: `text matching /${s.pattern ?? ''}/` };
    case 'format':
      return formatMeaning(String(params.format) as FormatName);
    case 'required': {
      const req = String(params.missingProperty);
      const what = s.properties?.[req]?.description;
      return { code: 'CONFIG_MISSING_KEY', expected: `key "${req}"${what ? ` (${what})` : ''}`, mapLevel: true };
    }
    case 'minProperties':
      return { code: 'CONFIG_KEY_COUNT', expected: `at least ${s.minProperties} of ${Object.keys(s.properties ?? {}).join(', ')}`, mapLevel: true };
    case 'maxProperties':
      return { code: 'CONFIG_KEY_COUNT', expected: `at most ${s.maxProperties} of ${Object.keys(s.properties ?? {}).join(', ')}`, mapLevel: true };
    case 'minItems':
      return { code: 'CONFIG_TOO_FEW_ITEMS', expected: `at least ${s.minItems} item(s)` };
    case 'minimum':
    case 'maximum':
      return { code: 'CONFIG_RANGE', expected: describeSchema(s) };
    case 'anyOf':
      return { code: 'CONFIG_NO_ALTERNATIVE', expected: (s.anyOf ?? []).map(describeSchema).join(', or ') };
    default:
      return { code: 'CONFIG_INVALID', expected: e.message ?? `a value satisfying ${e.keyword}` };
  }
}

function formatMeaning(format: FormatName): Meaning {
  return { code: FORMATS[format].code, expected: FORMATS[format].expected };
}

/**
 * Ajv reports every failing branch of an anyOf; keep only the errors of the branch the user
 * meant (or the anyOf error itself when none stands out), outermost alternatives first.
 */
function chosen(errors: readonly ErrorObject[]): ErrorObject[] {
  let kept = [...errors];
  const alternatives = errors.filter((e) => e.keyword === 'anyOf').sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const alt of alternatives) {
    if (!kept.includes(alt)) continue; // inside a branch already dropped
    const prefix = `${alt.schemaPath}/`;
    const best = bestBranch(parent(alt).anyOf ?? [], alt.data);
    kept = kept.filter((e) => {
      if (!e.schemaPath.startsWith(prefix)) return e !== alt || best < 0;
      return best >= 0 && e.schemaPath.startsWith(`${prefix}${best}/`);
    });
  }
  // Formats carry their pattern for editors: one problem, reported once, as the format.
  return kept.filter((e) => !(e.keyword === 'pattern' && parent(e).format && kept.some((f) => f.keyword === 'format' && f.instancePath === e.instancePath)));
}

function fitsType(s: Schema, data: unknown): boolean {
  switch (s.type) {
    case 'integer':
      return Number.isInteger(data);
    case 'number':
      return typeof data === 'number';
    case 'string':
    case 'boolean':
      return typeof data === s.type;
    default:
      return false;
  }
}

/**
 * For a scalar: the branch of its type whose format it is shaped like (an OBIS code with a group
 * above 255 is still an OBIS code), else the only branch of its type.
 */
function bestScalarBranch(branches: readonly Schema[], data: unknown): number {
  const typed = branches.flatMap((b, i) => (fitsType(b, data) ? [i] : []));
  const shaped = typed.find((i) => {
    const f = branches[i]!.format;
    return f !== undefined && typeof data === 'string' && new RegExp(FORMATS[f].pattern).test(data);
  });
  if (shaped !== undefined) return shaped;
  return typed.length === 1 ? typed[0]! : -1;
}

function bestBranch(branches: readonly Schema[], data: unknown): number {
  if (data === null || typeof data !== 'object') return bestScalarBranch(branches, data);
  if (Array.isArray(data)) return -1;
  const value = data as Record<string, unknown>;
  let best = -1;
  let bestScore = 0;
  branches.forEach((b, i) => {
    let score = 0;
    for (const [k, s] of Object.entries(b.properties ?? {})) {
      if (!(k in value)) continue;
      score += s.const !== undefined ? (value[k] === s.const ? 100 : -100) : 1;
    }
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

function pointer(instancePath: string): string[] {
  return instancePath === ''
    ? []
    : instancePath
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The node at a JSON pointer below `root`, and the key node of its last step (for absent values). */
function walk(src: YamlSource, root: unknown, path: readonly string[]): { node: unknown; key: unknown } {
  let node: unknown = root;
  let key: unknown;
  for (const step of path) {
    const n = isAlias(node) ? node.resolve(src.doc) : node;
    if (isMap(n)) {
      const pair = n.items.find((p) => isScalar(p.key) && String(p.key.value) === step);
      key = pair?.key;
      node = pair?.value;
    } else if (isSeq(n)) {
      node = n.items[Number(step)];
      key = undefined;
    } else {
      return { node: undefined, key };
    }
  }
  return { node: isAlias(node) ? node.resolve(src.doc) : node, key };
}

function keyNode(src: YamlSource, map: unknown, key: string): Node | undefined {
  const m = isAlias(map) ? map.resolve(src.doc) : map;
  if (!isMap(m)) return undefined;
  return m.items.find((p) => isScalar(p.key) && String(p.key.value) === key)?.key as Node | undefined;
}

function firstError(src: YamlSource, root: unknown, fallback: Place, errors: readonly ErrorObject[]): ConfigError {
  const located = chosen(errors).map((e) => {
    const m = meaning(e);
    const { node, key } = walk(src, root, pointer(e.instancePath));
    const at = m.key !== undefined ? keyNode(src, node, m.key) : undefined;
    const place = at ? src.placeOf(at) : src.placeOf(node, src.placeOf(key, fallback));
    // Never echo what might be a secret written inline: say only that something was there.
    const secret = parent(e).format === 'secret-ref' && node;
    const actual = m.key !== undefined ? JSON.stringify(m.key) : secret ? 'an inline value (not shown)' : describeNode(node);
    return { error: ConfigError.at(place, m.code, m.expected, actual), place, mapLevel: m.mapLevel === true };
  });
  located.sort((a, b) => Number(a.mapLevel) - Number(b.mapLevel) || a.place.line - b.place.line || a.place.col - b.place.col);
  return located[0]?.error ?? ConfigError.at(fallback, 'CONFIG_INVALID', 'a valid document', describeNode(root));
}
