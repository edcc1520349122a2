import { ByteReader, ByteWriter, DecodeError } from '../bytes';
import { formatTag, readTag, tagsEqual, writeTag, type BerTag } from './tag';

/**
 * One BER TLV (X.690 8.1): its tag and its content octets. Unknown ACSE fields are kept in this
 * form so that re-encoding reproduces them byte for byte.
 */
export interface BerElement {
  readonly tag: BerTag;
  readonly value: Uint8Array;
}

/** An element as read from the wire: with the absolute offsets of its identifier and of its content. */
export interface ReadElement extends BerElement {
  readonly offset: number;
  readonly valueOffset: number;
}

/**
 * Reads one TLV with a definite length (X.690 8.1.3). DLMS never uses the indefinite form; the
 * length reader refuses it (BAD_LENGTH), as it refuses a length running past the end (TRUNCATED).
 */
export function readElement(r: ByteReader, what = 'BER element'): ReadElement {
  const offset = r.offset;
  const t = readTag(r);
  const len = r.length(`length of ${what}`);
  const valueOffset = r.offset;
  const value = r.take(len, `content of ${what}`);
  return { tag: t, value, offset, valueOffset };
}

/** A reader over an element's content that reports absolute offsets. */
export function contentReader(el: ReadElement): ByteReader {
  return new ByteReader(el.value, el.valueOffset);
}

/** Fails with BER_UNEXPECTED_TAG unless `el` carries exactly `expected`. */
export function expectTag(el: ReadElement, expected: BerTag, what: string): void {
  if (!tagsEqual(el.tag, expected)) {
    throw new DecodeError('BER_UNEXPECTED_TAG', el.offset, `${formatTag(expected)} for ${what}`, formatTag(el.tag));
  }
}

/**
 * Reads the single element an EXPLICIT tag wraps (X.690 8.14.2) and checks its tag. The wrapper
 * must hold that one element and nothing more.
 */
export function readExplicit(outer: ReadElement, inner: BerTag, what: string): ReadElement {
  const r = contentReader(outer);
  const el = readElement(r, what);
  expectTag(el, inner, what);
  r.expectEnd(what);
  return el;
}

/** Writes tag, definite length and the content `body` writes. */
export function writeElement(w: ByteWriter, t: BerTag, body: (w: ByteWriter) => void): void {
  writeTag(w, t);
  w.withLength(body);
}

/** Writes a whole element whose content is already bytes. */
export function writeRaw(w: ByteWriter, el: BerElement): void {
  writeElement(w, el.tag, (c) => c.bytes(el.value));
}

/** The element without its offsets, as kept in decoded values. */
export function detach(el: ReadElement): BerElement {
  return { tag: el.tag, value: el.value.slice() };
}
