/**
 * A rules file for `dlmsct diff --rules` and the golden-sample case (docs/acceptance.md): YAML,
 * `compare:` adds attributes the default rules ignore, `ignore:` removes attributes they compare.
 *
 *   compare:
 *     - { class: 1, obis: 0-0:43.1.0.255, attribute: 2, reason: counters reset at delivery }
 *   ignore:
 *     - { class: 3, obis: 1-0:32.7.0.255, attribute: 3, reason: two approved voltage scalers }
 *
 * Every mistake is a located ConfigError (file:line:col, expected, got).
 */
import { parseObis } from '../../dlms/cosem/obis';
import { ConfigError } from '../../config/error';
import { placeAtPath, type Schema } from '../yaml/schema';
import { shippedSchema } from '../yaml/json-schema';
import { validateNode } from '../yaml/validate';
import { parseYaml, readYamlFile, type YamlSource } from '../../config/yaml-source';
import type { AttributeRule } from './rules';

const ENTRY: Schema = {
  type: 'object',
  properties: {
    class: { type: 'integer', minimum: 0, maximum: 0xffff, description: 'class_id' },
    obis: {
      type: 'string',
      pattern: '^[0-9*]+-[0-9*]+:[0-9*]+\\.[0-9*]+\\.[0-9*]+\\.[0-9*]+$',
      description: 'a logical name A-B:C.D.E.F; * for any value of a group',
    },
    attribute: { type: 'integer', minimum: 1, maximum: 127, description: 'attribute index' },
    reason: { type: 'string', description: 'why (shown beside the values it concerns)' },
  },
  required: ['class', 'attribute'],
};

export const RULES_SCHEMA: Schema = {
  type: 'object',
  description: 'dlmsct diff rules: attributes to compare beyond the defaults, and attributes to ignore',
  properties: {
    compare: { type: 'array', items: ENTRY },
    ignore: { type: 'array', items: ENTRY },
  },
};

interface RawEntry {
  class: number;
  obis?: string;
  attribute: number;
  reason?: string;
}

export function loadRules(file: string): AttributeRule[] {
  return rulesFrom(readYamlFile(file));
}

export function parseRules(text: string, file: string): AttributeRule[] {
  return rulesFrom(parseYaml(text, file));
}

function rulesFrom(src: YamlSource): AttributeRule[] {
  if (src.root === null) return [];
  validateNode(src, src.root, shippedSchema('diff-rules'), src.placeOf(src.root));
  const raw = src.doc.toJS() as { compare?: RawEntry[]; ignore?: RawEntry[] };
  const out: AttributeRule[] = [];
  const seen = new Map<string, string>();
  // In the file's order, so that a repeated entry is reported where it repeats.
  for (const key of Object.keys(raw) as ('compare' | 'ignore')[]) {
    (raw[key] ?? []).forEach((e, i) => {
      const place = placeAtPath(src, [key, i]);
      const at = `${place.file}:${place.line}:${place.col}`;
      if (e.obis !== undefined && !e.obis.includes('*')) {
        try {
          parseObis(e.obis);
        } catch (err) {
          throw ConfigError.at(
            placeAtPath(src, [key, i, 'obis']),
            'RULE_BAD_OBIS',
            'a logical name A-B:C.D.E.F, each group 0..255',
            `${JSON.stringify(e.obis)} (${err instanceof Error ? err.message : String(err)})`,
          );
        }
      }
      const id = `${e.class}/${e.obis ?? '*'}/${e.attribute}`;
      const first = seen.get(id);
      if (first !== undefined)
        throw ConfigError.at(
          place,
          'RULE_DUPLICATE',
          `each class, logical name and attribute once in compare and ignore (first at ${first})`,
          `class ${e.class} ${e.obis ?? 'every instance'} attribute ${e.attribute} again`,
        );
      seen.set(id, at);
      out.push({
        classId: e.class,
        attribute: e.attribute,
        ...(e.obis === undefined ? {} : { obis: e.obis }),
        compare: key === 'compare',
        reason: `${e.reason ?? `${key} (rules file)`} [${at}]`,
        at,
      });
    });
  }
  return out;
}
