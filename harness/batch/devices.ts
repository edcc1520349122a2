/**
 * A devices list for batch acceptance: one row per meter of a delivered batch, each overriding
 * the profile's addressing (TCP host/port, serial path, HDLC server physical address, expected
 * logical device name, golden sample) and naming its own secrets as references (`reader.password:
 * env:METER_0042_LLS`). CSV (one header row) or YAML (a list of mappings with the same keys).
 * Secrets written inline are refused, located and never echoed, exactly as in a profile.
 */
import * as fs from 'node:fs';
import { isMap, isScalar, isSeq } from 'yaml';
import { ConfigError, type Place } from '../../config/error';
import { FORMATS } from '../yaml/formats';
import { describeSchema, nodeAt, type Schema } from '../yaml/schema';
import { shippedSchema } from '../yaml/json-schema';
import { validateNode } from '../yaml/validate';
import { parseYaml } from '../../config/yaml-source';
import { type CsvCell, parseCsv } from './csv';

/** The association fields that hold secrets (profile/schema.ts). */
export const SECRET_FIELDS = ['password', 'blockCipherKey', 'authenticationKey', 'masterKey', 'broadcastKey', 'signingKey'] as const;
export type SecretField = (typeof SECRET_FIELDS)[number];

/** `reader.password`: an association name as the profile allows it, a dot, a secret field. */
const SECRET_KEY = new RegExp(`^([A-Za-z][A-Za-z0-9_-]*)\\.(${SECRET_FIELDS.join('|')})$`);

/** The plain columns, as schemas (the YAML form is checked with them, the CSV form by checkText). */
const FIELDS = {
  id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$', description: 'a unique device id (letters, digits, . _ -), also its results folder' },
  serial: { type: 'string', description: 'the meter serial number, for the report' },
  label: { type: 'string', description: 'a free label, for the report' },
  host: { type: 'string', description: 'TCP host (profile transport tcp)' },
  port: { type: 'integer', minimum: 1, maximum: 65535, description: 'TCP port (profile transport tcp)' },
  path: { type: 'string', description: 'serial device path (profile transport serial)' },
  serverPhysical: { type: 'integer', minimum: 0, maximum: 16383, description: 'HDLC server lower (physical) address (Green Book 8.4.2.2)' },
  logicalDeviceName: { type: 'string', description: "the meter's logical device name, replacing the profile's expect.logicalDeviceName" },
  golden: {
    type: 'string',
    description: "the meter's own golden sample (a snapshot from dlmsct read, relative to the devices file), over the profile's golden: and --golden",
  },
} as const satisfies Record<string, Schema>;
type Field = keyof typeof FIELDS;

const SECRET_SCHEMA: Schema = { type: 'string', format: 'secret-ref', description: 'a reference env:NAME or file:path, never the secret itself' };

export const DEVICES_SCHEMA: Schema = {
  type: 'array',
  minItems: 1,
  description: 'dlmsct devices list: one entry per meter (docs/batch.md)',
  items: {
    type: 'object',
    properties: FIELDS,
    // JSON Schema applies propertyNames to every key (our loader only to undeclared ones): name both.
    propertyNames: { pattern: `^(${Object.keys(FIELDS).join('|')}|${SECRET_KEY.source.slice(1, -1)})$` },
    additionalProperties: SECRET_SCHEMA,
    required: ['id'],
  },
};

export interface DeviceSecret {
  readonly association: string;
  readonly field: SecretField;
  readonly ref: string;
  readonly place: Place;
}

export interface DeviceRow {
  readonly id: string;
  readonly serial?: string;
  readonly label?: string;
  readonly host?: string;
  readonly port?: number;
  readonly path?: string;
  readonly serverPhysical?: number;
  readonly logicalDeviceName?: string;
  /** The meter's own golden sample, as written (resolved from the devices file's folder). */
  readonly golden?: string;
  readonly secrets: readonly DeviceSecret[];
  /** Where the row starts, and where each of its fields is, for located errors. */
  readonly place: Place;
  readonly places: Readonly<Partial<Record<Field, Place>>>;
}

export interface DeviceList {
  readonly file: string;
  readonly devices: readonly DeviceRow[];
}

interface RawCell {
  readonly key: string;
  readonly value: string | number;
  readonly place: Place;
}

export function loadDevices(file: string): DeviceList {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError('FILE_UNREADABLE', file, 1, 1, 'a readable devices file (.csv, .yaml)', e instanceof Error ? e.message : String(e));
  }
  return parseDevices(text, file);
}

/** CSV when the name ends in .csv, YAML otherwise. */
export function parseDevices(text: string, file: string): DeviceList {
  const rows = /\.csv$/i.test(file) ? rawFromCsv(text, file) : rawFromYaml(text, file);
  const seen = new Map<string, Place>();
  const devices = rows.map(({ place, cells }) => {
    const d = deviceFrom(place, cells);
    const first = seen.get(d.id);
    if (first) throw ConfigError.at(d.places.id ?? place, 'DEVICE_DUPLICATE_ID', `each device id once (first at line ${first.line})`, JSON.stringify(d.id));
    seen.set(d.id, d.places.id ?? place);
    return d;
  });
  return { file, devices };
}

function rawFromYaml(text: string, file: string): { place: Place; cells: RawCell[] }[] {
  const src = parseYaml(text, file);
  validateNode(src, src.root, shippedSchema('devices'), src.placeOf(src.root));
  if (!isSeq(src.root)) return [];
  return src.root.items.map((item, i) => {
    const place = src.placeOf(item);
    const cells: RawCell[] = [];
    if (isMap(item)) {
      for (const pair of item.items) {
        if (!isScalar(pair.key) || !isScalar(pair.value)) continue;
        const key = String(pair.key.value);
        cells.push({ key, value: pair.value.value as string | number, place: src.placeOf(nodeAt(src.root, [i, key]), place) });
      }
    }
    return { place, cells };
  });
}

function rawFromCsv(text: string, file: string): { place: Place; cells: RawCell[] }[] {
  const [header, ...rows] = parseCsv(text, file);
  if (!header) throw new ConfigError('CONFIG_TOO_FEW_ITEMS', file, 1, 1, 'a header row (id, …) and one row per device', 'an empty file');
  const at = (c: CsvCell): Place => ({ file, line: c.line, col: c.col });
  const keys = header.map((c) => {
    if (!(c.text in FIELDS) && !SECRET_KEY.test(c.text)) {
      throw ConfigError.at(
        at(c),
        'CONFIG_UNKNOWN_KEY',
        `a column named ${Object.keys(FIELDS).join(', ')} or ASSOCIATION.FIELD with FIELD one of ${SECRET_FIELDS.join(', ')}`,
        JSON.stringify(c.text),
      );
    }
    return c.text;
  });
  if (!keys.includes('id')) throw ConfigError.at(at(header[0] as CsvCell), 'CONFIG_MISSING_KEY', 'an id column', `only ${keys.join(', ')}`);
  if (!rows.length) throw ConfigError.at(at(header[0] as CsvCell), 'CONFIG_TOO_FEW_ITEMS', 'at least one device row after the header', 'none');
  return rows.map((row) => {
    const place = at(row[0] as CsvCell);
    if (row.length !== keys.length) {
      throw ConfigError.at(place, 'CSV_COLUMNS', `${keys.length} cells, as the header has`, `${row.length}`);
    }
    const cells: RawCell[] = [];
    row.forEach((c, i) => {
      const key = keys[i] as string;
      if (c.text === '') return; // an empty cell keeps the profile's value
      cells.push({ key, value: checkText(key, c.text, at(c)), place: at(c) });
    });
    return { place, cells };
  });
}

/** A CSV cell is text: check it against the field's schema and turn integers into numbers. */
function checkText(key: string, text: string, place: Place): string | number {
  const schema: Schema = key in FIELDS ? FIELDS[key as Field] : SECRET_SCHEMA;
  if (schema.format) {
    const problem = FORMATS[schema.format].check(text);
    // Never echo what may be a secret written inline.
    if (problem) throw ConfigError.at(place, problem.code, problem.expected, 'an inline value (not shown)');
    return text;
  }
  if (schema.type === 'integer') {
    const n = Number(text);
    if (!/^\d+$/.test(text)) throw ConfigError.at(place, 'CONFIG_TYPE', describeSchema(schema), JSON.stringify(text));
    if ((schema.minimum !== undefined && n < schema.minimum) || (schema.maximum !== undefined && n > schema.maximum)) {
      throw ConfigError.at(place, 'CONFIG_RANGE', describeSchema(schema), text);
    }
    return n;
  }
  if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(text)) {
    throw ConfigError.at(place, 'CONFIG_PATTERN', `text matching /${schema.pattern}/`, JSON.stringify(text));
  }
  return text;
}

function deviceFrom(place: Place, cells: readonly RawCell[]): DeviceRow {
  const values: Record<string, string | number> = {};
  const places: Partial<Record<Field, Place>> = {};
  const secrets: DeviceSecret[] = [];
  for (const c of cells) {
    const m = SECRET_KEY.exec(c.key);
    if (m) secrets.push({ association: m[1] as string, field: m[2] as SecretField, ref: String(c.value), place: c.place });
    else {
      values[c.key] = c.value;
      places[c.key as Field] = c.place;
    }
  }
  const id = values['id'];
  if (typeof id !== 'string') throw ConfigError.at(place, 'CONFIG_MISSING_KEY', 'an id for the device', 'none');
  const text = (k: Field) => (typeof values[k] === 'string' ? { [k]: values[k] } : {});
  const int = (k: Field) => (typeof values[k] === 'number' ? { [k]: values[k] } : {});
  return {
    id,
    ...text('serial'),
    ...text('label'),
    ...text('host'),
    ...int('port'),
    ...text('path'),
    ...int('serverPhysical'),
    ...text('logicalDeviceName'),
    ...text('golden'),
    secrets,
    place,
    places,
  };
}
