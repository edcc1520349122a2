/**
 * The short type language the catalogue writes attribute and method-parameter types in, close to
 * how the Blue Book prints them, and a checker of Data values against it:
 *
 *   any                                  any Data (the Blue Book's CHOICE over all types)
 *   simple                               any simple (non-container) type
 *   long-unsigned  enum  octet-string …  one Data type, spelled as in Green Book 9.5
 *   octet-string(date-time)              an octet-string of 12 bytes (also: date 5, time 4, obis 6, or a number)
 *   enum[0..6]  unsigned[1,2,255]        a numeric type whose value must lie in the ranges listed
 *   structure{class_id: long-unsigned, logical_name: octet-string(obis)}   (field names optional)
 *   array<structure{…}>                  an array whose every element matches
 *   choice<bit-string | unsigned>        any one of the alternatives
 *
 * Parse errors are DecodeError 'TYPE_SPEC_BAD_TEXT' with offset = character index.
 */
import { DecodeError } from '../../bytes';
import { DATA_TAG, type Data, type DataType } from '../../axdr/data';
import { isSimpleType, type SimpleType } from '../../axdr/type-description';
import { dateFromOctetString, dateTimeFromOctetString, timeFromOctetString, validateDate, validateDateTime, validateTime } from '../../axdr/datetime';

export type OctetHint = 'date-time' | 'date' | 'time' | 'obis';
export type ValueRange = readonly [min: number, max: number];

export type TypeSpec =
  | { readonly kind: 'any' }
  | { readonly kind: 'simple-any' }
  | {
      readonly kind: 'simple';
      readonly type: SimpleType;
      readonly length?: number;
      readonly hint?: OctetHint;
      /** Inclusive ranges the value must lie in (enum values the Blue Book defines, ranges it sets). */
      readonly values?: readonly ValueRange[];
    }
  | { readonly kind: 'structure'; readonly fields: readonly { readonly name?: string; readonly spec: TypeSpec }[] }
  | { readonly kind: 'array'; readonly element: TypeSpec }
  | { readonly kind: 'choice'; readonly options: readonly TypeSpec[] };

/** Byte lengths the hints stand for (Blue Book 4.1.6.1 date-time 12, date 5, time 4; logical_name 6). */
export const HINT_LENGTH: Readonly<Record<OctetHint, number>> = { 'date-time': 12, date: 5, time: 4, obis: 6 };

class Parser {
  private at = 0;
  constructor(private readonly text: string) {}

  fail(expected: string): never {
    const actual = this.at >= this.text.length ? 'end of text' : JSON.stringify(this.text.slice(this.at, this.at + 10));
    throw new DecodeError('TYPE_SPEC_BAD_TEXT', this.at, expected, actual);
  }

  private skip(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at] as string)) this.at++;
  }

  peek(): string | undefined {
    this.skip();
    return this.text[this.at];
  }

  eat(c: string): void {
    if (this.peek() !== c) this.fail(`'${c}'`);
    this.at++;
  }

  word(): string {
    this.skip();
    const m = /^[A-Za-z0-9_][A-Za-z0-9_&-]*/.exec(this.text.slice(this.at));
    if (!m) this.fail('a type name');
    this.at += m[0].length;
    return m[0];
  }

  /** The current position, to backtrack to after a `name:` lookahead. */
  mark(): number {
    return this.at;
  }

  reset(at: number): void {
    this.at = at;
  }

  spec(): TypeSpec {
    const start = this.mark();
    const w = this.word();
    switch (w) {
      case 'any':
        return { kind: 'any' };
      case 'simple':
        return { kind: 'simple-any' };
      case 'structure': {
        this.eat('{');
        const fields: { name?: string; spec: TypeSpec }[] = [];
        if (this.peek() !== '}') {
          fields.push(this.field());
          while (this.peek() === ',') {
            this.eat(',');
            fields.push(this.field());
          }
        }
        this.eat('}');
        return { kind: 'structure', fields };
      }
      case 'array':
        this.eat('<');
        return this.closeAngle({ kind: 'array', element: this.spec() });
      case 'choice': {
        this.eat('<');
        const options = [this.spec()];
        while (this.peek() === '|') {
          this.eat('|');
          options.push(this.spec());
        }
        return this.closeAngle({ kind: 'choice', options });
      }
      default: {
        if (!(w in DATA_TAG) || !isSimpleType(w as DataType)) {
          this.reset(start);
          this.skip();
          this.fail('a Data type name, any, simple, structure{…}, array<…> or choice<…>');
        }
        const type = w as SimpleType;
        if (this.peek() === '[') return { kind: 'simple', type, values: this.ranges() };
        if (this.peek() !== '(') return { kind: 'simple', type };
        this.eat('(');
        const hintAt = this.mark();
        const h = this.word();
        this.eat(')');
        if (/^\d+$/.test(h)) return { kind: 'simple', type, length: Number(h) };
        if (h in HINT_LENGTH) return { kind: 'simple', type, hint: h as OctetHint, length: HINT_LENGTH[h as OctetHint] };
        this.reset(hintAt);
        this.skip();
        return this.fail('a length or one of date-time, date, time, obis');
      }
    }
  }

  /** `[0..6, 255]`: inclusive ranges and single values. */
  private ranges(): ValueRange[] {
    this.eat('[');
    const out: ValueRange[] = [this.range()];
    while (this.peek() === ',') {
      this.eat(',');
      out.push(this.range());
    }
    this.eat(']');
    return out;
  }

  private range(): ValueRange {
    const min = this.number();
    if (this.peek() !== '.') return [min, min];
    this.eat('.');
    this.eat('.');
    return [min, this.number()];
  }

  private number(): number {
    this.skip();
    const m = /^-?\d+/.exec(this.text.slice(this.at));
    if (!m) this.fail('a number');
    this.at += m[0].length;
    return Number(m[0]);
  }

  private closeAngle(spec: TypeSpec): TypeSpec {
    this.eat('>');
    return spec;
  }

  private field(): { name?: string; spec: TypeSpec } {
    const start = this.mark();
    const name = this.word();
    if (this.peek() === ':') {
      this.eat(':');
      return { name, spec: this.spec() };
    }
    this.reset(start);
    return { spec: this.spec() };
  }

  end(): void {
    if (this.peek() !== undefined) this.fail('end of the type');
  }
}

export function parseTypeSpec(text: string): TypeSpec {
  const p = new Parser(text);
  const spec = p.spec();
  p.end();
  return spec;
}

/** Back to the text form (canonical spacing); field names kept. */
export function formatTypeSpec(spec: TypeSpec): string {
  switch (spec.kind) {
    case 'any':
      return 'any';
    case 'simple-any':
      return 'simple';
    case 'simple': {
      const base = spec.hint ? `${spec.type}(${spec.hint})` : spec.length !== undefined ? `${spec.type}(${spec.length})` : spec.type;
      return spec.values ? `${base}[${spec.values.map(([a, b]) => (a === b ? `${a}` : `${a}..${b}`)).join(', ')}]` : base;
    }
    case 'structure':
      return `structure{${spec.fields.map((f) => (f.name ? `${f.name}: ${formatTypeSpec(f.spec)}` : formatTypeSpec(f.spec))).join(', ')}}`;
    case 'array':
      return `array<${formatTypeSpec(spec.element)}>`;
    case 'choice':
      return `choice<${spec.options.map(formatTypeSpec).join(' | ')}>`;
    default: {
      const never: never = spec;
      return String(never);
    }
  }
}

function lengthOf(d: Data): number | undefined {
  switch (d.type) {
    case 'octet-string':
      return d.value.length;
    case 'visible-string':
    case 'utf8-string':
      return d.value.length;
    case 'bit-string':
      return d.length;
    default:
      return undefined;
  }
}

/**
 * Blue Book 4.1.6.1: every field of a date, time or date-time in its range, or "not specified"
 * (0xFF, 0xFFFF; month 0xFD/0xFE daylight-savings end/begin, day 0xFD/0xFE second-last/last):
 * checked wherever the catalogue types an attribute so.
 */
function hintProblems(hint: OctetHint, bytes: Uint8Array): string[] {
  switch (hint) {
    case 'date-time':
      return validateDateTime(dateTimeFromOctetString(bytes));
    case 'date':
      return validateDate(dateFromOctetString(bytes));
    case 'time':
      return validateTime(timeFromOctetString(bytes));
    case 'obis':
      return [];
    default: {
      const never: never = hint;
      return [String(never)];
    }
  }
}

function numericValue(d: Data): number | undefined {
  switch (d.type) {
    case 'integer':
    case 'long':
    case 'double-long':
    case 'unsigned':
    case 'long-unsigned':
    case 'double-long-unsigned':
    case 'enum':
    case 'bcd':
      return d.value;
    case 'long64':
    case 'long64-unsigned':
      return Number(d.value);
    default:
      return undefined;
  }
}

/**
 * Every way `data` departs from `spec`, one sentence each with its path (`value.structure[1]`);
 * empty when it conforms.
 */
export function checkType(data: Data, spec: TypeSpec, path = 'value'): string[] {
  switch (spec.kind) {
    case 'any':
      return [];
    case 'simple-any':
      return isSimpleType(data.type) ? [] : [`${path}: expected a simple type, got ${data.type}`];
    case 'simple': {
      if (data.type !== spec.type) return [`${path}: expected ${formatTypeSpec(spec)}, got ${data.type}`];
      const n = lengthOf(data);
      if (spec.length !== undefined && n !== spec.length) return [`${path}: expected ${formatTypeSpec(spec)} of length ${spec.length}, got length ${n}`];
      if (spec.hint && data.type === 'octet-string') {
        const invalid = hintProblems(spec.hint, data.value);
        if (invalid.length) return [`${path}: not a valid ${spec.hint} (Blue Book 4.1.6.1): ${invalid.join('; ')}`];
      }
      const v = numericValue(data);
      if (spec.values && v !== undefined && !spec.values.some(([a, b]) => v >= a && v <= b)) return [`${path}: expected ${formatTypeSpec(spec)}, got ${v}`];
      return [];
    }
    case 'structure': {
      if (data.type !== 'structure') return [`${path}: expected a structure of ${spec.fields.length}, got ${data.type}`];
      if (data.items.length !== spec.fields.length) return [`${path}: expected a structure of ${spec.fields.length}, got ${data.items.length} element(s)`];
      return data.items.flatMap((item, i) => {
        const f = spec.fields[i]!;
        return checkType(item, f.spec, `${path}.${f.name ?? `structure[${i}]`}`);
      });
    }
    case 'array':
      if (data.type !== 'array' && data.type !== 'compact-array') return [`${path}: expected an array, got ${data.type}`];
      return data.items.flatMap((item, i) => checkType(item, spec.element, `${path}[${i}]`));
    case 'choice': {
      const results = spec.options.map((o) => checkType(data, o, path));
      if (results.some((r) => r.length === 0)) return [];
      return [`${path}: expected ${formatTypeSpec(spec)}, got ${data.type}`];
    }
    default: {
      const never: never = spec;
      return [`${path}: unknown spec ${String(never)}`];
    }
  }
}
