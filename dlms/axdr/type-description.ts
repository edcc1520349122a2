/**
 * TypeDescription (Green Book 9.5, the contents-description of a compact-array):
 *
 *   TypeDescription ::= CHOICE {
 *     null-data [0] IMPLICIT NULL,
 *     array     [1] IMPLICIT SEQUENCE { number-of-elements Unsigned16, type-description TypeDescription },
 *     structure [2] IMPLICIT SEQUENCE OF TypeDescription,
 *     boolean   [3] IMPLICIT NULL, … every simple Data type by its tag, without a value }
 *
 * In A-XDR a simple type is its tag alone, an array is tag, u16 count and element description,
 * a structure is tag, A-XDR count and that many descriptions.
 */
import { ByteReader, ByteWriter, DecodeError } from '../bytes';
import { DATA_TAG, type DataType, type TypeDescription } from './data';
import { EncodeError } from './encode-error';

export type SimpleType = Extract<TypeDescription, { kind: 'simple' }>['type'];

/** Data types that exist only as containers; everything else is simple. */
const CONTAINER_TYPES: ReadonlySet<DataType> = new Set(['array', 'structure', 'compact-array']);

/** Tag byte → Data type, the inverse of DATA_TAG. */
export const TYPE_BY_TAG: ReadonlyMap<number, DataType> = new Map(Object.entries(DATA_TAG).map(([type, tag]) => [tag, type as DataType]));

export function isSimpleType(type: DataType): type is SimpleType {
  return !CONTAINER_TYPES.has(type);
}

/**
 * Encoded size of a simple type's value without its tag (Blue Book 4.1.5); for the
 * variable-length types the one-byte minimum of their length prefix. Used to bound element
 * counts against the bytes actually left, before anything is allocated.
 */
export const SIMPLE_MIN_WIDTH: Readonly<Record<SimpleType, number>> = {
  'null-data': 0,
  boolean: 1,
  'bit-string': 1,
  'double-long': 4,
  'double-long-unsigned': 4,
  'octet-string': 1,
  'visible-string': 1,
  'utf8-string': 1,
  bcd: 1,
  integer: 1,
  long: 2,
  unsigned: 1,
  'long-unsigned': 2,
  long64: 8,
  'long64-unsigned': 8,
  enum: 1,
  float32: 4,
  float64: 8,
  'date-time': 12,
  date: 5,
  time: 4,
  'delta-integer': 1,
  'delta-long': 2,
  'delta-double-long': 4,
  'delta-unsigned': 1,
  'delta-long-unsigned': 2,
  'delta-double-long-unsigned': 4,
  'dont-care': 0,
};

/** The fewest bytes one value of this description can take inside array-contents. */
export function minWidth(desc: TypeDescription): number {
  switch (desc.kind) {
    case 'simple':
      return SIMPLE_MIN_WIDTH[desc.type];
    case 'array':
      return desc.count * minWidth(desc.element);
    case 'structure':
      return desc.elements.reduce((n, e) => n + minWidth(e), 0);
    default: {
      const never: never = desc;
      return never;
    }
  }
}

export function encodeTypeDescription(w: ByteWriter, desc: TypeDescription, path = 'contents-description'): void {
  switch (desc.kind) {
    case 'simple':
      if (!isSimpleType(desc.type)) throw new EncodeError('AXDR_BAD_TYPE_DESCRIPTION', path, 'a simple type', desc.type);
      w.u8(DATA_TAG[desc.type]);
      return;
    case 'array':
      if (!Number.isInteger(desc.count) || desc.count < 0 || desc.count > 0xffff) {
        throw new EncodeError('AXDR_VALUE_OUT_OF_RANGE', `${path}.count`, 'number-of-elements 0..65535', String(desc.count));
      }
      w.u8(DATA_TAG.array).u16(desc.count);
      encodeTypeDescription(w, desc.element, `${path}.element`);
      return;
    case 'structure':
      w.u8(DATA_TAG.structure).length(desc.elements.length);
      desc.elements.forEach((e, i) => encodeTypeDescription(w, e, `${path}.elements[${i}]`));
      return;
    default: {
      const never: never = desc;
      throw new EncodeError('AXDR_BAD_TYPE_DESCRIPTION', path, 'simple, array or structure', JSON.stringify(never));
    }
  }
}

/** Decodes a TypeDescription; `depthLeft` bounds nesting so hostile input cannot exhaust the stack. */
export function decodeTypeDescription(r: ByteReader, depthLeft: number): TypeDescription {
  const start = r.offset;
  if (depthLeft <= 0) r.fail('AXDR_TOO_DEEP', 'a shallower type description', 'nesting beyond the limit');
  const tag = r.u8('type description tag');
  const type = TYPE_BY_TAG.get(tag);
  if (type === undefined) {
    throw new DecodeError('AXDR_UNKNOWN_TAG', start, 'a Data type tag (Green Book 9.5)', `0x${tag.toString(16).padStart(2, '0')}`);
  }
  if (type === 'array') {
    const count = r.u16('number-of-elements');
    return { kind: 'array', count, element: decodeTypeDescription(r, depthLeft - 1) };
  }
  if (type === 'structure') {
    const n = r.length('structure description count');
    // Each element description takes at least one byte.
    if (n > r.remaining) r.fail('AXDR_COUNT_EXCEEDS_DATA', `at most ${r.remaining} element description(s)`, String(n));
    const elements: TypeDescription[] = [];
    for (let i = 0; i < n; i++) elements.push(decodeTypeDescription(r, depthLeft - 1));
    return { kind: 'structure', elements };
  }
  if (!isSimpleType(type)) {
    throw new DecodeError('AXDR_BAD_TYPE_DESCRIPTION', start, 'a simple type, array or structure', `${type} (tag ${tag})`);
  }
  return { kind: 'simple', type };
}

/** `structure{long-unsigned, array[4]<double-long>}`: one line, for traces and messages. */
export function formatTypeDescription(desc: TypeDescription): string {
  switch (desc.kind) {
    case 'simple':
      return desc.type;
    case 'array':
      return `array[${desc.count}]<${formatTypeDescription(desc.element)}>`;
    case 'structure':
      return `structure{${desc.elements.map(formatTypeDescription).join(', ')}}`;
    default: {
      const never: never = desc;
      return String(never);
    }
  }
}
