/**
 * A snapshot: what one meter showed, association by association — its object list with the
 * access rights, and every readable attribute's value, typed (dlms/axdr/format.ts dataToJson).
 * `dlmsct read` writes one; `dlmsct diff` and the golden-sample case compare two. Plain JSON in a
 * stable order (associations as the profile declares them, objects by logical name and class,
 * attributes by index), so two snapshots of the same meter differ only where the meter did.
 * It never holds a secret: passwords and keys are not read, and a value equal to one of the
 * profile's secrets is withheld (read-association.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Json } from '../../dlms/axdr/format';
import { ConfigError } from '../../config/error';

export const SNAPSHOT_FORMAT = 'dlmsct-snapshot/1';

/** What one GET of an attribute gave, or why it was not asked. */
export type AttributeRead =
  | { readonly kind: 'value'; readonly data: Json }
  /** data-access-result other than success (Green Book 9.5): the meter refused it. */
  | { readonly kind: 'refused'; readonly result: string }
  /** exception-response or confirmed-service-error instead of an answer. */
  | { readonly kind: 'error'; readonly detail: string }
  /** The answer did not decode, or was the wrong APDU. */
  | { readonly kind: 'malformed'; readonly detail: string }
  | { readonly kind: 'silence'; readonly waitedMs: number }
  /** The object list grants no read access here. */
  | { readonly kind: 'not-readable' }
  /** Not asked: the rules leave the attribute out of the comparison (golden-sample case). */
  | { readonly kind: 'not-read' }
  /** A secret (Association LN secret, or a value equal to a profile secret): never recorded. */
  | { readonly kind: 'withheld'; readonly reason: string };

export interface AttributeEntry {
  readonly id: number;
  /**
   * access_mode as the object list sent it (Blue Book 4.4.3: enum in versions 0..2, bit map from
   * 3); null where the object list states no rights (Association SN, Blue Book 4.4.2).
   */
  readonly access: number | null;
  readonly selectors: readonly number[];
  readonly read: AttributeRead;
}

export interface MethodEntry {
  readonly id: number;
  /** As for attributes: null where the object list states no rights (SN). */
  readonly access: number | null;
}

export interface ObjectEntry {
  readonly classId: number;
  readonly version: number;
  readonly obis: string;
  /** Short-name referencing: the object's base name (Green Book 9.3), from the SN object list. */
  readonly baseName?: number;
  readonly attributes: readonly AttributeEntry[];
  readonly methods: readonly MethodEntry[];
}

export type AssociationSnapshot =
  | {
      readonly name: string;
      readonly status: 'read';
      /** The Association LN object's version: how access_mode is to be read. */
      readonly associationVersion: number | null;
      readonly objects: readonly ObjectEntry[];
    }
  /** Not associated, object list unreadable or malformed, or not supported by the reader: why. */
  | { readonly name: string; readonly status: 'not-read'; readonly reason: string };

export interface Snapshot {
  readonly format: typeof SNAPSHOT_FORMAT;
  /** The profile's device description (name, manufacturer, model, firmware as the profile says them). */
  readonly device: Readonly<Record<string, string>>;
  readonly profile: string;
  /** `built-in simulator (hdlc)`, `tcp 192.0.2.10:4059`. */
  readonly target: string;
  /** ISO 8601, when the reading started. */
  readonly readAt: string;
  /** The meter's own COSEM logical device name (0-0:42.0.0.255), hex; it differs between meters by nature. */
  readonly logicalDeviceName: string | null;
  readonly associations: readonly AssociationSnapshot[];
}

/** Objects by logical name, then class; attributes and methods by index. */
export function sortObjects(objects: readonly ObjectEntry[]): ObjectEntry[] {
  return [...objects]
    .map((o) => ({ ...o, attributes: [...o.attributes].sort((a, b) => a.id - b.id), methods: [...o.methods].sort((a, b) => a.id - b.id) }))
    .sort((a, b) => obisKey(a.obis).localeCompare(obisKey(b.obis)) || a.classId - b.classId);
}

/** `1-0:1.8.0.255` sorted numerically group by group. */
function obisKey(obis: string): string {
  return obis
    .split(/[-:.]/)
    .map((g) => g.padStart(3, '0'))
    .join('.');
}

export function writeSnapshot(file: string, s: Snapshot): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(s, null, 2)}\n`);
}

/** A snapshot file, checked enough that a diff cannot stumble: a located error otherwise. */
export function loadSnapshot(file: string): Snapshot {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError('FILE_UNREADABLE', file, 1, 1, 'a readable snapshot file (dlmsct read --out)', e instanceof Error ? e.message : String(e));
  }
  return parseSnapshot(text, file);
}

export function parseSnapshot(text: string, file: string): Snapshot {
  const value = parseJsonLocated(text, file, 'SNAPSHOT_JSON');
  const v = value as Partial<Snapshot> | null;
  if (!v || typeof v !== 'object' || v.format !== SNAPSHOT_FORMAT) {
    throw new ConfigError(
      'SNAPSHOT_FORMAT',
      file,
      1,
      1,
      `a snapshot with "format": "${SNAPSHOT_FORMAT}" (written by dlmsct read)`,
      v && typeof v === 'object' ? `format ${JSON.stringify(v.format)}` : typeof value,
    );
  }
  if (!Array.isArray(v.associations)) throw new ConfigError('SNAPSHOT_FORMAT', file, 1, 1, 'an "associations" array', typeof v.associations);
  v.associations.forEach((a, i) => {
    const ok = a && typeof a.name === 'string' && (a.status === 'not-read' || (a.status === 'read' && Array.isArray(a.objects)));
    if (!ok) {
      const { line, col } = lineCol(text, Math.max(0, text.indexOf(JSON.stringify(a?.name ?? ''))));
      throw new ConfigError(
        'SNAPSHOT_FORMAT',
        file,
        line,
        col,
        `associations[${i}]: a name and status read (with objects) or not-read`,
        JSON.stringify(a).slice(0, 80),
      );
    }
  });
  return v as Snapshot;
}

/** JSON.parse, its error located at the line and column of the position V8 names. */
export function parseJsonLocated(text: string, file: string, code: ConstructorParameters<typeof ConfigError>[0]): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(msg);
    const { line, col } = lineCol(text, at ? Number(at[1]) : 0);
    throw new ConfigError(code, file, line, col, 'JSON', msg);
  }
}

export function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: (before[before.length - 1]?.length ?? 0) + 1 };
}
