/**
 * The loaders' schemas as JSON Schema (draft 2020-12): the text shipped in schemas/ for editors,
 * and what Ajv validates against. One conversion serves both, so the editor and the loader read
 * the same document.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../paths';
import { FORMATS } from './formats';
import type { Schema } from './schema';

export type JsonSchema = Readonly<Record<string, unknown>>;

/** The shipped schema files, by the name of what they describe. */
export const SHIPPED = {
  suite: 'schemas/suite.schema.json',
  profile: 'schemas/profile.schema.json',
  deviations: 'schemas/deviations.schema.json',
  devices: 'schemas/devices.schema.json',
  'diff-rules': 'schemas/diff-rules.schema.json',
} as const;

export type ShippedName = keyof typeof SHIPPED;

/**
 * Our Schema objects are JSON Schema already, with two differences made explicit here: objects
 * are closed unless they say otherwise (JSON Schema's default is the opposite), and a named
 * format carries its pattern too, so editors that ignore `format` still check the text.
 */
export function toJsonSchema(schema: Schema, header: { readonly id?: string; readonly title?: string } = {}): JsonSchema {
  const body = JSON.parse(JSON.stringify(schema), (_k, v: unknown) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    const o = v as Schema;
    const closed = o.type === 'object' && o.additionalProperties === undefined ? { additionalProperties: false } : {};
    const pattern = o.format ? { pattern: FORMATS[o.format].pattern } : {};
    return { ...o, ...closed, ...pattern };
  }) as JsonSchema;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    ...(header.id ? { $id: header.id } : {}),
    ...(header.title ? { title: header.title } : {}),
    ...body,
  };
}

const cache = new Map<ShippedName, JsonSchema>();

/** The schema file shipped to editors, read once: the loaders validate against exactly it. */
export function shippedSchema(name: ShippedName): JsonSchema {
  let s = cache.get(name);
  if (!s) {
    s = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, SHIPPED[name]), 'utf8')) as JsonSchema;
    cache.set(name, s);
  }
  return s;
}
