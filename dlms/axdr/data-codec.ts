/**
 * A-XDR codec for the COSEM `Data` CHOICE (Green Book 9.5; IEC 61334-6 A-XDR). A value is its
 * tag (DATA_TAG) and contents; array and structure carry an A-XDR element count; a
 * compact-array carries a TypeDescription and then its values untagged inside one
 * length-prefixed octet string (array-contents).
 *
 * Hostile input is bounded three ways, so bytes from a DUT can neither exhaust the stack nor make
 * us allocate more than they could describe: nesting depth (`maxDepth`), element counts checked
 * against the bytes left before any allocation, and a budget of decoded nodes proportional to
 * the input (compact-array elements of width 0 would otherwise be free).
 */
import { ByteReader, ByteWriter, DecodeError } from '../bytes';
import { DATA_TAG, type Data, type TypeDescription } from './data';
import { EncodeError } from './encode-error';
import { decodeSimple, encodeSimple, type SimpleData } from './simple-value';
import { decodeTypeDescription, encodeTypeDescription, isSimpleType, minWidth, TYPE_BY_TAG } from './type-description';

/** Nesting beyond this is refused; real COSEM values nest a handful of levels. */
export const DEFAULT_MAX_DEPTH = 64;
/** Decoded nodes allowed per input byte (plus a floor), bounding zero-width compact-array elements. */
const NODES_PER_BYTE = 8;
const NODES_FLOOR = 1024;

export interface DecodeDataOptions {
  readonly maxDepth?: number;
  /**
   * When given, records the absolute offset of every decoded node's first byte (its tag, or for
   * untagged compact-array elements their first content byte): converters of decoded values
   * (selective-access descriptors, …) use it to report located errors.
   */
  readonly offsets?: WeakMap<Data, number>;
}

interface Ctx {
  nodesLeft: number;
  readonly offsets: WeakMap<Data, number> | undefined;
}

function countNode(r: ByteReader, ctx: Ctx): void {
  if (--ctx.nodesLeft < 0) r.fail('AXDR_TOO_MANY_ELEMENTS', 'fewer decoded elements than the input could describe', 'an element budget overrun');
}

function record<T extends Data>(ctx: Ctx, d: T, offset: number): T {
  ctx.offsets?.set(d, offset);
  return d;
}

/** What an element count is called in an error, made once (not a string per array or structure decoded). */
const COUNT_WHAT = { array: 'array element count', structure: 'structure element count' } as const;

function decodeItem(r: ByteReader, ctx: Ctx, depthLeft: number): Data {
  const start = r.offset;
  if (depthLeft <= 0) r.fail('AXDR_TOO_DEEP', 'shallower nesting', 'nesting beyond the limit');
  countNode(r, ctx);
  const tag = r.u8('Data tag');
  const type = TYPE_BY_TAG.get(tag);
  if (type === undefined) throw new DecodeError('AXDR_UNKNOWN_TAG', start, 'a Data tag (Green Book 9.5)', `0x${tag.toString(16).padStart(2, '0')}`);
  switch (type) {
    case 'array':
    case 'structure': {
      const n = r.length(COUNT_WHAT[type]);
      // Every tagged element takes at least its tag byte.
      if (n > r.remaining) r.fail('AXDR_COUNT_EXCEEDS_DATA', `at most ${r.remaining} element(s) in the bytes left`, String(n));
      const items: Data[] = [];
      for (let i = 0; i < n; i++) items.push(decodeItem(r, ctx, depthLeft - 1));
      return record(ctx, { type, items }, start);
    }
    case 'compact-array': {
      const description = decodeTypeDescription(r, depthLeft - 1);
      const contents = r.sub(r.length('array-contents length'), 'array-contents');
      const width = minWidth(description);
      const items: Data[] = [];
      while (!contents.done) {
        if (width === 0)
          contents.fail('AXDR_COMPACT_ZERO_WIDTH', 'a contents-description whose values take bytes', 'a description of width 0 with contents left');
        items.push(decodeUntagged(contents, description, ctx, depthLeft - 1));
      }
      return record(ctx, { type, description, items }, start);
    }
    default:
      return record(ctx, decodeSimple(r, type), start);
  }
}

function decodeUntagged(r: ByteReader, desc: TypeDescription, ctx: Ctx, depthLeft: number): Data {
  const start = r.offset;
  if (depthLeft <= 0) r.fail('AXDR_TOO_DEEP', 'shallower nesting', 'nesting beyond the limit');
  countNode(r, ctx);
  switch (desc.kind) {
    case 'simple':
      return record(ctx, decodeSimple(r, desc.type), start);
    case 'array': {
      const width = minWidth(desc.element);
      if (desc.count * width > r.remaining) {
        r.fail('AXDR_COUNT_EXCEEDS_DATA', `${desc.count} element(s) of at least ${width} byte(s)`, `${r.remaining} byte(s) left`);
      }
      const items: Data[] = [];
      for (let i = 0; i < desc.count; i++) items.push(decodeUntagged(r, desc.element, ctx, depthLeft - 1));
      return record(ctx, { type: 'array', items }, start);
    }
    case 'structure': {
      const items: Data[] = [];
      for (const e of desc.elements) items.push(decodeUntagged(r, e, ctx, depthLeft - 1));
      return record(ctx, { type: 'structure', items }, start);
    }
    default: {
      const never: never = desc;
      return r.fail('AXDR_BAD_TYPE_DESCRIPTION', 'simple, array or structure', JSON.stringify(never));
    }
  }
}

/** Decodes one Data value at the reader's position (bytes after it are left for the caller). */
export function decodeData(r: ByteReader, options: DecodeDataOptions = {}): Data {
  const ctx: Ctx = { nodesLeft: NODES_FLOOR + NODES_PER_BYTE * r.remaining, offsets: options.offsets };
  return decodeItem(r, ctx, options.maxDepth ?? DEFAULT_MAX_DEPTH);
}

/** Decodes exactly one Data value filling `bytes`; anything after it is TRAILING_BYTES. */
export function decodeDataBytes(bytes: Uint8Array, base = 0, options: DecodeDataOptions = {}): Data {
  const r = new ByteReader(bytes, base);
  const data = decodeData(r, options);
  r.expectEnd('Data');
  return data;
}

function encodeItem(w: ByteWriter, d: Data, path: string): void {
  w.u8(DATA_TAG[d.type]);
  switch (d.type) {
    case 'array':
    case 'structure':
      w.length(d.items.length);
      d.items.forEach((item, i) => encodeItem(w, item, `${path}.${d.type}[${i}]`));
      return;
    case 'compact-array': {
      encodeTypeDescription(w, d.description, `${path}.contents-description`);
      if (d.items.length > 0 && minWidth(d.description) === 0) {
        throw new EncodeError(
          'AXDR_COMPACT_ZERO_WIDTH',
          path,
          'a contents-description whose values take bytes',
          'width 0: the items could not be counted back',
        );
      }
      w.withLength((inner) => d.items.forEach((item, i) => encodeUntagged(inner, item, d.description, `${path}.compact-array[${i}]`)));
      return;
    }
    default:
      encodeSimple(w, d, path);
  }
}

function mismatch(path: string, desc: TypeDescription, d: Data): EncodeError {
  const want = desc.kind === 'simple' ? desc.type : desc.kind;
  const size = desc.kind === 'array' ? `${desc.count} item(s)` : desc.kind === 'structure' ? `${desc.elements.length} item(s)` : '';
  const got = 'items' in d ? `${d.type} of ${d.items.length} item(s)` : d.type;
  return new EncodeError('AXDR_COMPACT_MISMATCH', path, `${want}${size ? ` of ${size}` : ''} as the contents-description says`, got);
}

function encodeUntagged(w: ByteWriter, d: Data, desc: TypeDescription, path: string): void {
  switch (desc.kind) {
    case 'simple':
      if (d.type !== desc.type || !isSimpleType(d.type)) throw mismatch(path, desc, d);
      encodeSimple(w, d as SimpleData, path);
      return;
    case 'array':
      if (d.type !== 'array' || d.items.length !== desc.count) throw mismatch(path, desc, d);
      d.items.forEach((item, i) => encodeUntagged(w, item, desc.element, `${path}.array[${i}]`));
      return;
    case 'structure':
      if (d.type !== 'structure' || d.items.length !== desc.elements.length) throw mismatch(path, desc, d);
      d.items.forEach((item, i) => encodeUntagged(w, item, desc.elements[i] as TypeDescription, `${path}.structure[${i}]`));
      return;
    default: {
      const never: never = desc;
      throw new EncodeError('AXDR_BAD_TYPE_DESCRIPTION', path, 'simple, array or structure', JSON.stringify(never));
    }
  }
}

/** Encodes one Data value; throws EncodeError (with the element's path) for a value that has no encoding. */
export function encodeData(w: ByteWriter, data: Data): void {
  encodeItem(w, data, '$');
}

export function encodeDataBytes(data: Data): Uint8Array {
  const w = new ByteWriter();
  encodeData(w, data);
  return w.finish();
}
