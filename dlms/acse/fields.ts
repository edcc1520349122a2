import { ByteReader, ByteWriter, DecodeError } from '../bytes';
import {
  contentReader,
  decodeBitString,
  decodeInteger,
  decodeOid,
  detach,
  encodeBitString,
  encodeInteger,
  encodeOid,
  expectTag,
  readElement,
  readExplicit,
  tag,
  UNIVERSAL,
  writeElement,
  writeRaw,
  type BerBitString,
  type BerElement,
  type BerTag,
  type ReadElement,
} from '../ber';
import type { EnumTable, Named } from '../xdlms/named';

/**
 * The field codecs of the ACSE APDUs (Green Book 9.3, ISO/IEC 8650-1 as profiled by DLMS) and
 * the one generic SEQUENCE codec that the AARQ, AARE, RLRQ and RLRE tables drive. A field is
 * a context-tagged element; IMPLICIT ones are primitive and hold the value's content octets,
 * EXPLICIT ones are constructed and hold one complete inner element.
 */
export interface FieldCodec<V> {
  readonly constructed: boolean;
  decode(el: ReadElement): V;
  /** Writes the field's content octets (the inner element, for EXPLICIT fields). */
  encode(w: ByteWriter, v: V): void;
}

const OCTET_STRING = tag('universal', false, UNIVERSAL['octet-string']);
const OBJECT_IDENTIFIER = tag('universal', false, UNIVERSAL['object-identifier']);
const INTEGER = tag('universal', false, UNIVERSAL.integer);

/** [n] IMPLICIT BIT STRING: protocol-version, ACSE-requirements. */
export const implicitBitString: FieldCodec<BerBitString> = {
  constructed: false,
  decode: (el) => decodeBitString(el.value, el.valueOffset),
  encode: encodeBitString,
};

/** [n] IMPLICIT OBJECT IDENTIFIER: mechanism-name. */
export const implicitOid: FieldCodec<string> = {
  constructed: false,
  decode: (el) => decodeOid(el.value, el.valueOffset),
  encode: encodeOid,
};

/** [n] IMPLICIT GraphicString: implementation-information, kept as bytes. */
export const implicitBytes: FieldCodec<Uint8Array> = {
  constructed: false,
  decode: (el) => el.value.slice(),
  encode: (w, v) => w.bytes(v),
};

/** [n] IMPLICIT INTEGER named by a table: the release reasons. */
export function implicitNamedInteger<N extends string>(table: EnumTable<N>): FieldCodec<Named<N>> {
  return {
    constructed: false,
    decode: (el) => table.name(decodeInteger(el.value, el.valueOffset)),
    encode: (w, v) => encodeInteger(w, table.value(v)),
  };
}

/** [n] EXPLICIT OBJECT IDENTIFIER: application-context-name. */
export const explicitOid: FieldCodec<string> = {
  constructed: true,
  decode: (el) => {
    const inner = readExplicit(el, OBJECT_IDENTIFIER, 'OBJECT IDENTIFIER');
    return decodeOid(inner.value, inner.valueOffset);
  },
  encode: (w, v) => writeElement(w, OBJECT_IDENTIFIER, (c) => encodeOid(c, v)),
};

/** [n] EXPLICIT OCTET STRING: AP-title and AE-qualifier (OCTET STRING in the DLMS profile). */
export const explicitOctetString: FieldCodec<Uint8Array> = {
  constructed: true,
  decode: (el) => readExplicit(el, OCTET_STRING, 'OCTET STRING').value.slice(),
  encode: (w, v) => writeElement(w, OCTET_STRING, (c) => c.bytes(v)),
};

/** [n] EXPLICIT INTEGER: AP- and AE-invocation-identifier. */
export const explicitInteger: FieldCodec<number> = {
  constructed: true,
  decode: (el) => {
    const inner = readExplicit(el, INTEGER, 'INTEGER');
    return decodeInteger(inner.value, inner.valueOffset);
  },
  encode: (w, v) => writeElement(w, INTEGER, (c) => encodeInteger(c, v)),
};

/** [n] EXPLICIT INTEGER named by a table: the AARE result. */
export function explicitNamedInteger<N extends string>(table: EnumTable<N>): FieldCodec<Named<N>> {
  return {
    constructed: true,
    decode: (el) => table.name(explicitInteger.decode(el)),
    encode: (w, v) => explicitInteger.encode(w, table.value(v)),
  };
}

/**
 * Authentication-value ::= CHOICE { charstring [0] IMPLICIT GraphicString, bitstring [1]
 * IMPLICIT BIT STRING, external [2], other [3] }. DLMS uses charstring (the LLS password, the
 * HLS challenge); the other alternatives are kept as the raw element.
 */
export type AuthenticationValue =
  | { readonly kind: 'charstring'; readonly value: Uint8Array }
  | { readonly kind: 'bitstring'; readonly value: BerBitString }
  | { readonly kind: 'other'; readonly element: BerElement };

const CHARSTRING = tag('context', false, 0);
const BITSTRING = tag('context', false, 1);

export const authenticationValue: FieldCodec<AuthenticationValue> = {
  constructed: true,
  decode: (el) => {
    const r = contentReader(el);
    const inner = readElement(r, 'Authentication-value');
    r.expectEnd('Authentication-value');
    if (inner.tag.cls === 'context' && !inner.tag.constructed && inner.tag.number === CHARSTRING.number)
      return { kind: 'charstring', value: inner.value.slice() };
    if (inner.tag.cls === 'context' && !inner.tag.constructed && inner.tag.number === BITSTRING.number) {
      return { kind: 'bitstring', value: decodeBitString(inner.value, inner.valueOffset) };
    }
    return { kind: 'other', element: detach(inner) };
  },
  encode: (w, v) => {
    switch (v.kind) {
      case 'charstring':
        return writeElement(w, CHARSTRING, (c) => c.bytes(v.value));
      case 'bitstring':
        return writeElement(w, BITSTRING, (c) => encodeBitString(c, v.value));
      case 'other':
        return writeRaw(w, v.element);
      default: {
        const never: never = v;
        return never;
      }
    }
  },
};

/** A decode failure kept as data, for a field that is reported rather than fatal. */
export interface DecodeFailure {
  readonly code: string;
  readonly offset: number;
  readonly expected: string;
  readonly actual: string;
}

export function failureOf(e: DecodeError): DecodeFailure {
  return { code: e.code, offset: e.offset, expected: e.expected, actual: e.actual };
}

/** One row of an ACSE APDU's field table. */
export interface FieldSpec {
  readonly number: number;
  /** The property of the decoded value. */
  readonly key: string;
  /** The field's name in the ASN.1, for error messages. */
  readonly name: string;
  readonly required: boolean;
  readonly codec: FieldCodec<unknown>;
}

/** A table row, typed against the APDU interface so a key and its codec cannot disagree. */
export function field<T, K extends keyof T & string>(number: number, key: K, name: string, codec: FieldCodec<NonNullable<T[K]>>, required = false): FieldSpec {
  return { number, key, name, required, codec: codec as FieldCodec<unknown> };
}

/**
 * Decodes the fields of a SEQUENCE of context-tagged elements. They must come in ascending tag
 * order (the SEQUENCE order), each at most once; an element with a tag number the table does
 * not know is kept in `unknownFields`, so re-encoding merges it back at its place.
 */
export function decodeFields(outer: ReadElement, specs: readonly FieldSpec[], what: string): Record<string, unknown> {
  const byNumber = new Map(specs.map((s) => [s.number, s]));
  const out: Record<string, unknown> = {};
  const unknown: BerElement[] = [];
  const r = contentReader(outer);
  let last = -1;
  while (!r.done) {
    const el = readElement(r, `${what} field`);
    if (el.tag.cls !== 'context') {
      throw new DecodeError('ACSE_UNEXPECTED_ELEMENT', el.offset, `a context-specific field of ${what}`, `a ${el.tag.cls} tag ${el.tag.number}`);
    }
    if (el.tag.number <= last) {
      throw new DecodeError('ACSE_FIELD_ORDER', el.offset, `${what} fields in ascending tag order, each once (after [${last}])`, `[${el.tag.number}]`);
    }
    last = el.tag.number;
    const spec = byNumber.get(el.tag.number);
    if (spec === undefined) {
      unknown.push(detach(el));
      continue;
    }
    if (el.tag.constructed !== spec.codec.constructed) {
      throw new DecodeError(
        'ACSE_BAD_FIELD_FORM',
        el.offset,
        `${spec.name} [${spec.number}] ${spec.codec.constructed ? 'constructed (EXPLICIT)' : 'primitive (IMPLICIT)'}`,
        el.tag.constructed ? 'constructed' : 'primitive',
      );
    }
    out[spec.key] = spec.codec.decode(el);
  }
  for (const spec of specs) {
    if (spec.required && !(spec.key in out)) {
      throw new DecodeError('ACSE_MISSING_FIELD', outer.offset, `${spec.name} [${spec.number}] in ${what}`, 'no such field');
    }
  }
  if (unknown.length > 0) out['unknownFields'] = unknown;
  return out;
}

/** Writes the present fields and the kept unknown ones, merged in tag-number order. */
export function encodeFields(
  w: ByteWriter,
  value: Readonly<Record<string, unknown>>,
  specs: readonly FieldSpec[],
  unknownFields: readonly BerElement[] | undefined,
): void {
  const items: { number: number; write: () => void }[] = [];
  for (const spec of specs) {
    const v = value[spec.key];
    if (v === undefined) continue;
    const t: BerTag = tag('context', spec.codec.constructed, spec.number);
    items.push({ number: spec.number, write: () => writeElement(w, t, (c) => spec.codec.encode(c, v)) });
  }
  for (const el of unknownFields ?? []) items.push({ number: el.tag.number, write: () => writeRaw(w, el) });
  items.sort((a, b) => a.number - b.number);
  for (const item of items) item.write();
}

/** An ACSE APDU: its [APPLICATION n] tag, its `type` (upper-cased in messages) and its fields. */
export interface AcseApduSpec {
  readonly type: string;
  readonly tag: BerTag;
  readonly fields: readonly FieldSpec[];
}

/** Decodes the APDU element at the reader's position (its tag included) into `{ type, ...fields }`. */
export function decodeAcseApdu<T>(r: ByteReader, spec: AcseApduSpec): T {
  const what = spec.type.toUpperCase();
  const el = readElement(r, what);
  expectTag(el, spec.tag, what);
  return { type: spec.type, ...decodeFields(el, spec.fields, what) } as unknown as T;
}

export function encodeAcseApdu(w: ByteWriter, spec: AcseApduSpec, v: { readonly unknownFields?: readonly BerElement[] | undefined }): void {
  writeElement(w, spec.tag, (c) => encodeFields(c, v as unknown as Record<string, unknown>, spec.fields, v.unknownFields));
}
