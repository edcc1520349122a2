/**
 * Names instead of magic numbers in suites: objects the standard names (Blue Book 4.1.8 / DLMS UA
 * 1000-1 7.3 "COSEM logical device" objects), interface classes by their catalogue names, units
 * by their Blue Book symbols and enumerations by their Blue Book value names. Numbers are still
 * accepted everywhere; an unknown name is a located load error (the schemas below list the names).
 */
import { CATALOGUE } from '../../dlms/cosem/catalogue/catalogue';
import { UNITS } from '../../dlms/cosem/units';
import type { Schema } from '../yaml/schema';

export interface NamedObject {
  readonly obis: string;
  readonly classId: number;
  readonly clause: string;
}

/** Objects whose logical name the standard fixes. */
export const OBJECT_NAMES: Readonly<Record<string, NamedObject>> = {
  'current-association': { obis: '0-0:40.0.0.255', classId: 15, clause: 'Blue Book 4.4.3: Association LN, the current association (E = 0)' },
  'current-association-sn': { obis: '0-0:40.0.0.255', classId: 12, clause: 'Blue Book 4.4.2: Association SN, the current association' },
  'logical-device-name': { obis: '0-0:42.0.0.255', classId: 1, clause: 'Blue Book 4.4.6 / DLMS UA 1000-1 6.2.7: COSEM logical device name' },
  'sap-assignment': { obis: '0-0:41.0.0.255', classId: 17, clause: 'Blue Book 4.4.5: SAP assignment' },
  clock: { obis: '0-0:1.0.0.255', classId: 8, clause: 'Blue Book 4.5.1 / DLMS UA 1000-1 6.2.13: the clock object' },
};

/**
 * `invocation-counter(management)`: the invocation counter of an association's security setup,
 * at the logical name the profile states for that association (`invocationCounter.read`),
 * 0-0:43.1.e.255, class Data (Blue Book 4.4.7, Green Book 9.2.7.2.4).
 */
export const INVOCATION_COUNTER = /^invocation-counter\(([A-Za-z][A-Za-z0-9_-]*)\)$/;
export const INVOCATION_COUNTER_CLASS = 1;

const kebab = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Interface classes by their catalogue name, kebab-cased: `clock`, `register`, `association-ln`. */
export const CLASS_NAMES: Readonly<Record<string, number>> = Object.fromEntries(CATALOGUE.map((c) => [kebab(c.name), c.classId]));

/** Unit symbols that name one code only (m³ names two: write those as numbers). */
export const UNIT_NAMES: Readonly<Record<string, number>> = Object.fromEntries(
  UNITS.filter((u) => UNITS.filter((v) => v.symbol === u.symbol).length === 1).map((u) => [u.symbol, u.code]),
);

/**
 * Enumerations by the name of the attribute or structure field that holds them (as the catalogue
 * spells it), each value by its Blue Book name.
 */
export const ENUM_NAMES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  unit: UNIT_NAMES,
  /** Blue Book 4.4.3 Association LN attribute 8. */
  association_status: { 'non-associated': 0, 'association-pending': 1, associated: 2 },
  /** Blue Book 4.5.8 Disconnect control attribute 3. */
  control_state: { disconnected: 0, connected: 1, ready_for_reconnection: 2 },
  /** Blue Book 4.4.3 attribute_access_item access_mode. */
  access_mode: {
    no_access: 0,
    read_only: 1,
    write_only: 2,
    read_and_write: 3,
    authenticated_read_only: 4,
    authenticated_write_only: 5,
    authenticated_read_and_write: 6,
  },
};

/** The value's Blue Book name, when the field's enumeration has one: `30 (Wh)`, `2 (associated)`. */
export function describeEnum(field: string | undefined, code: number | bigint): string {
  const names = field === undefined ? undefined : ENUM_NAMES[field];
  const name = names ? Object.keys(names).find((k) => BigInt(names[k] as number) === BigInt(code)) : undefined;
  return name === undefined ? String(code) : `${String(code)} (${name})`;
}

/** An object as a suite names it: an OBIS code, a standard name, or `invocation-counter(ASSOCIATION)`. */
export const OBJECT_REF_SCHEMA: Schema = {
  anyOf: [
    { type: 'string', format: 'obis', description: 'logical name, A-B:C.D.E.F' },
    { type: 'string', enum: Object.keys(OBJECT_NAMES), description: 'an object the standard names' },
    { type: 'string', pattern: INVOCATION_COUNTER.source, description: 'invocation-counter(ASSOCIATION): the counter the profile names for that association' },
  ],
};

/** A class as a suite names it: its class_id or its catalogue name. */
export const CLASS_REF_SCHEMA: Schema = {
  anyOf: [
    { type: 'integer', minimum: 0, maximum: 65535, description: 'class_id' },
    { type: 'string', enum: Object.keys(CLASS_NAMES), description: 'an interface class by name' },
  ],
};

export type ObjectRefText = string;

/** The class_id of a class reference (checked by CLASS_REF_SCHEMA at load). */
export function classIdOf(ref: number | string): number {
  if (typeof ref === 'number') return ref;
  const id = CLASS_NAMES[ref];
  if (id === undefined) throw new Error(`unknown class name ${ref}`);
  return id;
}

/**
 * The OBIS code of an object reference; `invocation-counter(X)` asks `counterOf` for the
 * association's counter (the profile's `invocationCounter.read`), undefined when it names none.
 */
export function obisOf(ref: ObjectRefText, counterOf: (association: string) => string | undefined): string | undefined {
  const named = OBJECT_NAMES[ref];
  if (named) return named.obis;
  const m = INVOCATION_COUNTER.exec(ref);
  if (m) return counterOf(m[1] as string);
  return ref;
}
