/**
 * An expected Data value of any shape, written as YAML: a scalar (`value: 7`), a list for a
 * structure or array (`value: [0, 30]`), or a mapping by field name (`value: { scaler: 0, unit:
 * Wh }`) where the catalogue names the fields. It is typed by the catalogue (the attribute's
 * type-spec gives field names and which enumeration a field holds), compared deeply, and the
 * first difference is named by its path: `value.unit: expected 30 (Wh), got 27 (W)`.
 */
import type { Data } from '../../dlms/axdr/data';
import { formatData } from '../../dlms/axdr/format';
import { formatObis } from '../../dlms/cosem/obis';
import { attributeOf, classById } from '../../dlms/cosem/catalogue/catalogue';
import { parseTypeSpec, type TypeSpec } from '../../dlms/cosem/catalogue/type-spec';
import type { Schema } from '../yaml/schema';
import { describeEnum, ENUM_NAMES } from './names';

export type ExpectedValue = number | string | boolean | readonly ExpectedValue[] | { readonly [field: string]: ExpectedValue };

export interface ValueDifference {
  readonly path: string;
  readonly expected: string;
  readonly actual: string;
}

const SCALAR: readonly Schema[] = [{ type: 'number' }, { type: 'string' }, { type: 'boolean' }];

/** A field holding a named enumeration takes its number or one of its names. */
function enumField(names: Readonly<Record<string, number>>): Schema {
  return { anyOf: [{ type: 'integer' }, { type: 'string', enum: Object.keys(names) }] };
}

function valueSchema(depth: number): Schema {
  if (depth === 0) return { anyOf: SCALAR };
  const inner = valueSchema(depth - 1);
  return {
    anyOf: [
      ...SCALAR,
      { type: 'array', items: inner, description: 'the elements of a structure or array, in order' },
      {
        type: 'object',
        description: 'the fields of a structure, by the names the catalogue gives them',
        properties: Object.fromEntries(Object.entries(ENUM_NAMES).map(([field, names]) => [field, enumField(names)])),
        additionalProperties: inner,
      },
    ],
  };
}

/** Four levels of nesting, like Data literals. */
export const EXPECTED_VALUE_SCHEMA: Schema = valueSchema(4);

export function isScalarExpectation(v: ExpectedValue): v is number | string | boolean {
  return typeof v !== 'object';
}

const MAX_ITEMS = 8;
const shown = (d: Data, field?: string): string => {
  if (field !== undefined && ENUM_NAMES[field] && 'value' in d && (typeof d.value === 'number' || typeof d.value === 'bigint'))
    return describeEnum(field, d.value);
  return formatData(d, { maxItems: MAX_ITEMS });
};

function expectedText(v: ExpectedValue, field?: string): string {
  if (typeof v === 'number') return describeEnum(field, v);
  if (typeof v === 'string') {
    const code = field === undefined ? undefined : ENUM_NAMES[field]?.[v];
    return code === undefined ? JSON.stringify(v) : `${code} (${v})`;
  }
  return JSON.stringify(v);
}

/** The first difference between what a suite expects and the Data the DUT sent; undefined when equal. */
export function valueDifference(
  expected: ExpectedValue,
  actual: Data,
  spec: TypeSpec | undefined,
  path = 'value',
  field?: string,
): ValueDifference | undefined {
  const fieldSpec = spec?.kind === 'choice' ? undefined : spec;
  if (Array.isArray(expected)) {
    if (actual.type !== 'structure' && actual.type !== 'array' && actual.type !== 'compact-array') {
      return { path, expected: `a structure or array of ${expected.length}`, actual: shown(actual) };
    }
    if (actual.items.length !== expected.length) return { path, expected: `${expected.length} element(s)`, actual: `${actual.items.length}` };
    for (const [i, e] of expected.entries()) {
      const sub = childSpec(fieldSpec, i);
      const d = valueDifference(e, actual.items[i]!, sub.spec, sub.name ? `${path}.${sub.name}` : `${path}[${i}]`, sub.name);
      if (d) return d;
    }
    return undefined;
  }
  if (typeof expected === 'object') {
    if (actual.type !== 'structure') return { path, expected: 'a structure', actual: shown(actual) };
    if (fieldSpec?.kind !== 'structure')
      return { path, expected: 'a catalogue type that names the fields (write the value as a list otherwise)', actual: 'no field names' };
    for (const [name, e] of Object.entries(expected as Record<string, ExpectedValue>)) {
      const i = fieldSpec.fields.findIndex((f) => f.name === name);
      if (i < 0) return { path: `${path}.${name}`, expected: `a field of ${fieldSpec.fields.map((f) => f.name).join(', ')}`, actual: 'no such field' };
      const item = actual.items[i];
      if (!item) return { path: `${path}.${name}`, expected: expectedText(e, name), actual: 'nothing (the structure is shorter)' };
      const d = valueDifference(e, item, fieldSpec.fields[i]!.spec, `${path}.${name}`, name);
      if (d) return d;
    }
    return undefined;
  }
  return scalarHolds(expected, actual, fieldSpec, field) ? undefined : { path, expected: expectedText(expected, field), actual: shown(actual, field) };
}

function childSpec(spec: TypeSpec | undefined, i: number): { spec: TypeSpec | undefined; name?: string } {
  if (spec?.kind === 'structure') {
    const f = spec.fields[i];
    return f?.name ? { spec: f.spec, name: f.name } : { spec: f?.spec };
  }
  if (spec?.kind === 'array') return { spec: spec.element };
  return { spec: undefined };
}

/**
 * A scalar holds as before (the same value, a 64-bit one compared as text), or by name: an
 * enumeration value by its Blue Book name, a logical name as A-B:C.D.E.F.
 */
function scalarHolds(expected: number | string | boolean, actual: Data, spec: TypeSpec | undefined, field: string | undefined): boolean {
  if ('value' in actual && (actual.value === expected || (typeof actual.value === 'bigint' && String(actual.value) === String(expected)))) return true;
  if (typeof expected !== 'string') return false;
  const code = field === undefined ? undefined : ENUM_NAMES[field]?.[expected];
  if (code !== undefined) return 'value' in actual && (actual.value === code || actual.value === BigInt(code));
  if (actual.type === 'octet-string' && actual.value.length === 6 && (spec === undefined || (spec.kind === 'simple' && spec.hint === 'obis'))) {
    return formatObis(actual.value) === expected;
  }
  return false;
}

/** The catalogue's name of an attribute (`association_status`), which says the enumeration it holds. */
export function attributeName(classId: number, attribute: number): string | undefined {
  const c = classById(classId);
  return c ? attributeOf(c, attribute)?.name : undefined;
}

/** The catalogue's type of an attribute (the newest version of the class); undefined when unknown. */
export function attributeSpec(classId: number, attribute: number): TypeSpec | undefined {
  const c = classById(classId);
  const a = c ? attributeOf(c, attribute) : undefined;
  if (!a) return undefined;
  try {
    return parseTypeSpec(a.type);
  } catch {
    return undefined;
  }
}
