/**
 * `dlmsct schemas [--check]`: writes schemas/suite.schema.json, profile.schema.json,
 * deviations.schema.json and devices.schema.json from the loaders' own schemas (so editors and
 * loaders agree); --check only compares.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES_SCHEMA } from '../acceptance/rules-file';
import { DEVICES_SCHEMA } from '../batch/devices';
import { DEVIATIONS_SCHEMA } from '../engine/deviations';
import { PROFILE_SCHEMA } from '../profile/schema';
import { suiteSchema } from '../suite/schema';
import type { Schema } from '../yaml/schema';
import { toJsonSchema } from '../yaml/json-schema';
import { REPO_ROOT } from '../paths';
import { EXIT, type Io, parse } from './io';

export function schemaFiles(): Record<string, string> {
  return {
    'schemas/suite.schema.json': jsonText(suiteSchema(true), 'https://dlmsct.invalid/schemas/suite.schema.json', 'dlmsct suite'),
    'schemas/profile.schema.json': jsonText(PROFILE_SCHEMA, 'https://dlmsct.invalid/schemas/profile.schema.json', 'dlmsct profile'),
    'schemas/deviations.schema.json': jsonText(DEVIATIONS_SCHEMA, 'https://dlmsct.invalid/schemas/deviations.schema.json', 'dlmsct known deviations'),
    'schemas/devices.schema.json': jsonText(DEVICES_SCHEMA, 'https://dlmsct.invalid/schemas/devices.schema.json', 'dlmsct batch devices (YAML form)'),
    'schemas/diff-rules.schema.json': jsonText(RULES_SCHEMA, 'https://dlmsct.invalid/schemas/diff-rules.schema.json', 'dlmsct diff rules'),
  };
}

const jsonText = (schema: Schema, id: string, title: string): string => `${JSON.stringify(toJsonSchema(schema, { id, title }), null, 2)}\n`;

export async function schemasCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse(
    args,
    { check: { type: 'boolean', default: false, help: 'only compare; exit 1 when a schema file is stale' } },
    { summary: 'Regenerate the JSON Schemas (schemas/) editors use for suites, profiles, deviations and devices.' },
  );
  let stale = 0;
  for (const [rel, text] of Object.entries(schemaFiles())) {
    const file = path.join(REPO_ROOT, rel);
    const now = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (now === text) continue;
    if (values.check) {
      io.err(`${rel} is out of date: run \`node bin/dlmsct.js schemas\`\n`);
      stale++;
    } else {
      fs.writeFileSync(file, text);
      io.out(`wrote ${rel}\n`);
    }
  }
  return stale ? EXIT.failed : EXIT.ok;
}
