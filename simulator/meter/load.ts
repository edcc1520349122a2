/**
 * Loads a meter definition (simulator/meters/*.yaml) and validates all of it up front: every
 * mistake is a MeterDefinitionError `file:line:col: path: problem`, raised before a single
 * byte is served.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { bytesEqual, isDecodeError } from '../../dlms/bytes';
import { parseObis } from '../../dlms/cosem/obis';
import { CLASS_BY_NAME } from '../objects';
import { resolveSecretRef } from '../secrets';
import { SERVER_CONFORMANCE_NAMES } from '../server/conformance';
import type { AssociationDefinition, HdlcSettings, MeterDefinition, ObjectDefinition } from './definition';
import { ConfigError } from '../../config/error';
import { Cursor, MeterDefinitionError } from '../../config/yaml-cursor';
import { VARIANTS, variantsNamed, type MeterYaml } from '../variants';
import { HLS_AUTHENTICATIONS, hlsAssociationFields, isHlsAuthentication } from './security';

/** The meter the simulator serves when none is named. */
// This file sits at simulator/meter/ in the sources and at dist/simulator/meter/ when compiled.
const SIMULATOR_DIR = path.resolve(__dirname, '..');
const SOURCE_SIMULATOR_DIR = path.basename(path.dirname(SIMULATOR_DIR)) === 'dist' ? path.join(path.dirname(SIMULATOR_DIR), '..', 'simulator') : SIMULATOR_DIR;
export const DEFAULT_METER = path.join(SOURCE_SIMULATOR_DIR, 'meters', 'default.yaml');

/** Green Book 8.4.2.2: a one-byte client address carries a 7-bit SAP; 0 is "no station". */
const CLIENT_SAP_RANGE = [1, 0x7f] as const;
/** Green Book 9.4.6.2: server-max-receive-pdu-size; below 12 no APDU fits. */
const PDU_SIZE_RANGE = [12, 0xffff] as const;
/** Green Book 4.1.8.2: the logical device name is at most 16 octets, the first three a FLAG id. */
const LDN_LENGTH = [3, 16] as const;

function hdlcSettings(c: Cursor): HdlcSettings {
  if (c.present)
    c.only(['serverLogical', 'serverPhysical', 'maxInfoTx', 'maxInfoRx', 'windowTx', 'windowRx', 'commSpeed', 'interOctetTimeoutMs', 'inactivityTimeoutS']);
  const opt = (key: string, min: number, max: number, dflt: number) => (c.present && c.get(key).present ? c.get(key).int(min, max) : dflt);
  return {
    // Green Book 8.4.2.2: with one-byte addressing the upper and lower addresses are 7 bits each.
    serverLogical: opt('serverLogical', 1, 0x3fff, 1),
    serverPhysical: opt('serverPhysical', 1, 0x3fff, 16),
    // Green Book 8.4.5.3.2: max information field length 32..2030 in the UA, window 1..7.
    maxInfoTx: opt('maxInfoTx', 32, 2030, 128),
    maxInfoRx: opt('maxInfoRx', 32, 2030, 128),
    windowTx: opt('windowTx', 1, 7, 1),
    windowRx: opt('windowRx', 1, 7, 1),
    // Blue Book 4.7.2 comm_speed enum: 5 = 9600 baud.
    commSpeed: opt('commSpeed', 0, 9, 5),
    interOctetTimeoutMs: opt('interOctetTimeoutMs', 20, 6000, 25),
    inactivityTimeoutS: opt('inactivityTimeoutS', 0, 0xffff, 120),
  };
}

function association(c: Cursor): AssociationDefinition {
  c.only(['name', 'clientSap', 'referencing', 'authentication', 'password', 'security', 'conformance', 'maxPduSize', 'access', 'dlmsVersion']);
  const name = c.need('name').string();
  const authentication = c.need('authentication').oneOf(['none', 'low', ...HLS_AUTHENTICATIONS] as const);
  const conformance = c
    .need('conformance')
    .items()
    .map((i) => i.oneOf(SERVER_CONFORMANCE_NAMES));
  const base = {
    name,
    clientSap: c.need('clientSap').int(...CLIENT_SAP_RANGE),
    referencing: c.get('referencing').present ? c.get('referencing').oneOf(['ln', 'sn'] as const) : ('ln' as const),
    authentication,
    conformance,
    maxPduSize: c.get('maxPduSize').present ? c.get('maxPduSize').int(...PDU_SIZE_RANGE) : 1024,
    access: c.need('access').oneOf(['read-only', 'read-write'] as const),
    // Green Book 9.4.6.1: DLMS version 6 is the current one.
    dlmsVersion: c.get('dlmsVersion').present ? c.get('dlmsVersion').int(6, 6) : 6,
  };
  if (isHlsAuthentication(authentication)) return { ...base, ...hlsAssociationFields(c, authentication) };
  const pw = c.get('password');
  if (authentication === 'none') {
    if (pw.present) pw.fail('an association without authentication takes no password');
    return base;
  }
  if (!pw.present) c.fail('low-level security (authentication: low) needs a password reference');
  const ref = pw.string();
  const resolved = resolveSecretRef(ref);
  if (!resolved.ok) return pw.fail(resolved.problem);
  return { ...base, password: { ref, bytes: resolved.bytes } };
}

function object(c: Cursor, associations: readonly AssociationDefinition[], lineOf: (c: Cursor) => number): ObjectDefinition {
  const className = c.need('class').oneOf([...CLASS_BY_NAME.keys()]);
  const cosemClass = CLASS_BY_NAME.get(className)!;
  c.only(['obis', 'class', 'visibleTo', 'description', ...cosemClass.keys]);
  const obisCursor = c.need('obis');
  const obis = obisCursor.string();
  let logicalName: Uint8Array;
  try {
    logicalName = parseObis(obis);
  } catch (e) {
    if (isDecodeError(e)) obisCursor.fail(`not an OBIS code (${e.code}: expected ${e.expected})`);
    throw e;
  }
  let visibleTo: readonly string[] | undefined;
  if (c.get('visibleTo').present) {
    visibleTo = c
      .get('visibleTo')
      .items()
      .map((i) => i.oneOf(associations.map((a) => a.name)));
  }
  const behaviour = cosemClass.build(c);
  return { obis, logicalName, cosemClass, behaviour, line: lineOf(c), ...(visibleTo ? { visibleTo } : {}) };
}

function unique<T>(items: readonly T[], key: (t: T) => string | number, cursors: readonly Cursor[], what: string): void {
  const seen = new Map<string | number, number>();
  items.forEach((item, i) => {
    const k = key(item);
    const first = seen.get(k);
    if (first !== undefined) cursors[i]!.fail(`duplicate ${what} ${String(k)} (first at line ${cursors[first]!.where.line})`);
    seen.set(k, i);
  });
}

/** Parses and validates a meter definition held in `text`; `file` names it in errors. */
export function parseMeterDefinition(text: string, file: string): MeterDefinition {
  let root: Cursor;
  try {
    root = Cursor.parse(text, file);
  } catch (e) {
    if (e instanceof ConfigError) throw new MeterDefinitionError(file, e.line, e.col, `not valid YAML: ${e.actual}`);
    throw e;
  }
  if (root.get('extends').present) return extendMeter(root, file);
  root.only(['description', 'logicalDeviceName', 'hdlc', 'wrapper', 'associations', 'objects', 'variants']);
  const ldnCursor = root.need('logicalDeviceName');
  const logicalDeviceName = ldnCursor.string();
  if (logicalDeviceName.length < LDN_LENGTH[0] || logicalDeviceName.length > LDN_LENGTH[1] || !/^[\x20-\x7e]+$/.test(logicalDeviceName)) {
    ldnCursor.fail(`a logical device name is ${LDN_LENGTH[0]}..${LDN_LENGTH[1]} printable ASCII characters`);
  }
  const hdlc = hdlcSettings(root.get('hdlc'));
  const wrapperCursor = root.get('wrapper');
  const wPort = wrapperCursor.present ? wrapperCursor.only(['wPort']).need('wPort').int(1, 0xffff) : 1;

  const assocCursors = root.need('associations').items();
  const associations = assocCursors.map(association);
  if (associations.length === 0) root.get('associations').fail('a meter needs at least one association');
  unique(associations, (a) => a.name, assocCursors, 'association name');
  unique(associations, (a) => a.clientSap, assocCursors, 'client SAP');

  const objectCursors = root.need('objects').items();
  const objects = objectCursors.map((c) => object(c, associations, (x) => x.where.line));
  // A logical name is unique within what one association sees (Blue Book 4.1.8): the current
  // association may be an Association LN for LN associations and an Association SN for SN ones.
  for (const a of associations) {
    const seen = objects.flatMap((o, i) => (o.visibleTo === undefined || o.visibleTo.includes(a.name) ? [i] : []));
    unique(
      seen.map((i) => objects[i]!),
      (o) => Array.from(o.logicalName).join('.'),
      seen.map((i) => objectCursors[i]!),
      `logical name in association ${a.name}`,
    );
  }
  const variantsCursor = root.get('variants');
  const variants = variantsCursor.present ? variantsCursor.items().map((i) => i.oneOf(VARIANTS.map((v) => v.name))) : [];
  return { file, logicalDeviceName, hdlc, wrapper: { wPort }, associations, objects, variants };
}

/**
 * `extends: default.yaml` (a path relative to this file): the base meter with this file's
 * objects added, so a richer meter need not repeat the base. Only objects may be added; a
 * logical name the base already serves to the same associations is refused at its line.
 */
function extendMeter(root: Cursor, file: string): MeterDefinition {
  root.only(['description', 'extends', 'objects']);
  const base = loadMeterDefinition(path.resolve(path.dirname(file), root.get('extends').string()));
  const cursors = root.need('objects').items();
  const added = cursors.map((c) => object(c, base.associations, (x) => x.where.line));
  const sees = (o: ObjectDefinition, a: AssociationDefinition) => o.visibleTo === undefined || o.visibleTo.includes(a.name);
  const objects = [...base.objects];
  added.forEach((o, i) => {
    const clash = objects.find((p) => bytesEqual(p.logicalName, o.logicalName) && base.associations.some((a) => sees(p, a) && sees(o, a)));
    if (clash) cursors[i]!.fail(`duplicate logical name ${o.obis} (the base meter serves it, line ${clash.line})`);
    objects.push(o);
  });
  return { ...base, file, objects };
}

/**
 * The YAML form of a meter definition with `extends` resolved: the base's keys (recursively
 * resolved) with this file's objects appended. Called on a definition already validated.
 */
function resolvedYaml(file: string, text: string): MeterYaml {
  const own = YAML.parse(text) as MeterYaml;
  const extended = own['extends'];
  if (typeof extended !== 'string') return own;
  const baseFile = path.resolve(path.dirname(file), extended);
  const base = resolvedYaml(baseFile, fs.readFileSync(baseFile, 'utf8'));
  const objects = (m: MeterYaml): unknown[] => (Array.isArray(m['objects']) ? (m['objects'] as unknown[]) : []);
  return { ...base, ...(own['description'] === undefined ? {} : { description: own['description'] }), objects: [...objects(base), ...objects(own)] };
}

export function loadMeterDefinition(file: string = DEFAULT_METER, variants: readonly string[] = []): MeterDefinition {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new MeterDefinitionError(file, 1, 1, `cannot read the meter definition: ${(e as Error).message}`);
  }
  const base = parseMeterDefinition(text, file);
  const names = [...new Set([...base.variants, ...variants])];
  const changing = variantsNamed(names).filter((v) => v.meter !== undefined);
  if (changing.length === 0) return { ...base, variants: names };
  // The definition as the variants change it, validated again (simulator/variants/types.ts). A
  // variant rewrites a whole definition (associations, hdlc, every object), so a meter that
  // extends another is first resolved into one: its own objects after the base's.
  const changed = changing.reduce<MeterYaml>((m, v) => v.meter!(m), resolvedYaml(file, text));
  return { ...parseMeterDefinition(YAML.stringify(changed), `${file} (variants: ${changing.map((v) => v.name).join(', ')})`), variants: names };
}
