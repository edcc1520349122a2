/**
 * The schemas of suites, profiles and step arguments are written as data of this type: the part
 * of JSON Schema (draft 2020-12) the project uses. They are written out as schemas/*.json for editors
 * (json-schema.ts) and validated by Ajv against exactly those files (validate.ts); this module
 * only describes schemas and nodes in words, for error messages.
 */
import { type Node, isMap, isScalar, isSeq } from 'yaml';
import type { Place } from '../../config/error';
import type { YamlSource } from '../../config/yaml-source';
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
      return s.format ? FORMATS[s.format].expected : (s.description ?? 'a string');
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
