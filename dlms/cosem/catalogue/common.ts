/**
 * Types the Blue Book defines once and reuses across interface classes, in the type language of
 * type-spec.ts, and the attribute every class begins with.
 */
import type { AttributeDef, InterfaceClassDef, MethodDef } from './types';

/** Blue Book 4.1.8.1: every class's attribute 1, static, an octet-string of 6 bytes (OBIS). */
export const LOGICAL_NAME: AttributeDef = { index: 1, name: 'logical_name', type: 'octet-string(obis)', static: true };

/** Blue Book 4.1.6.1: date-time, date and time as they sit in attributes (octet-strings). */
export const DATE_TIME = 'octet-string(date-time)';
export const DATE = 'octet-string(date)';
export const TIME = 'octet-string(time)';
export const OBIS = 'octet-string(obis)';

/** Blue Book 4.3.2 scal_unit_type. */
export const SCALER_UNIT = 'structure{scaler: integer, unit: enum}';

/** Blue Book 4.3.6 capture_object_definition (also Push setup push_object_list). */
export const CAPTURE_OBJECT_DEFINITION = `structure{class_id: long-unsigned, logical_name: ${OBIS}, attribute_index: integer, data_index: long-unsigned}`;

/** Blue Book 4.5.6 / 4.5.9 value_definition: the monitored attribute. */
export const VALUE_DEFINITION = `structure{class_id: long-unsigned, logical_name: ${OBIS}, attribute_index: integer}`;

/** Blue Book 4.5.6 action_item / 4.5.7 executed_script: a script of a Script table. */
export const SCRIPT_REFERENCE = `structure{script_logical_name: ${OBIS}, script_selector: long-unsigned}`;

/** Blue Book 4.3.5 object_definition. */
export const OBJECT_DEFINITION = `structure{class_id: long-unsigned, logical_name: ${OBIS}}`;

/** A start/end window of two date-time octet-strings (Auto answer, Auto connect, Push setup). */
export const WINDOW = `structure{start_time: ${DATE_TIME}, end_time: ${DATE_TIME}}`;

/** The usual method parameter "data ::= integer(0)" of reset, capture, activate, … */
export const INTEGER_ZERO = 'integer';

/** The value attributes whose type the Blue Book leaves to the object: CHOICE over simple types and more. */
export const ANY = 'any';

/** One attribute row after logical_name: name, type, and whether the Blue Book marks it static. */
export type AttributeRow = readonly [name: string, type: string, kind?: 'static'];
/** One method row: name and parameter type (absent: the method takes none). */
export type MethodRow = readonly [name: string, parameter?: string];

/**
 * A class as the Blue Book tabulates it: logical_name, then the rows numbered from 2; methods
 * numbered from 1. Classes whose numbering has gaps (Association SN) write their rows out.
 */
export function defineClass(
  classId: number,
  version: number,
  name: string,
  clause: string,
  attributes: readonly AttributeRow[],
  methods: readonly MethodRow[] = [],
): InterfaceClassDef {
  return {
    classId,
    version,
    name,
    clause,
    attributes: [
      LOGICAL_NAME,
      ...attributes.map(([n, type, kind], i): AttributeDef => ({ index: i + 2, name: n, type, ...(kind === 'static' ? { static: true } : {}) })),
    ],
    methods: methods.map(([n, parameter], i): MethodDef => ({ index: i + 1, name: n, ...(parameter !== undefined ? { parameter } : {}) })),
  };
}

/** An IPv6 or IPv4 address as the Internet classes carry it. */
export const IPV6_ADDRESS = 'octet-string(16)';
export const MAC_ADDRESS = 'octet-string';
