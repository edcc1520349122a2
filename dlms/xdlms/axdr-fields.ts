import { ByteReader, ByteWriter, DecodeError } from '../bytes';
import { EncodeError } from '../axdr/encode-error';

/**
 * The A-XDR building blocks the xDLMS APDUs are made of (IEC 61334-6, Green Book 9.5): fixed
 * width unsigned integers, OCTET STRING (length-prefixed), BOOLEAN, OPTIONAL (a presence octet)
 * and SEQUENCE OF (an element count). Encoders check ranges, because ByteWriter would silently
 * truncate a value the harness built wrongly.
 */

export function readOctetString(r: ByteReader, what: string): Uint8Array {
  return r.take(r.length(`length of ${what}`), what).slice();
}

export function writeOctetString(w: ByteWriter, bytes: Uint8Array): void {
  w.length(bytes.length).bytes(bytes);
}

/** A-XDR BOOLEAN: one octet, 0x00 FALSE and any other value TRUE (re-encoded as 0x01). */
export function readBoolean(r: ByteReader, what: string): boolean {
  return r.u8(what) !== 0;
}

export function writeBoolean(w: ByteWriter, v: boolean): void {
  w.u8(v ? 1 : 0);
}

/**
 * The presence octet of an OPTIONAL (or DEFAULT) component: 0x00 absent, 0x01 present. Any other
 * value is refused rather than guessed at, since the bytes that follow depend on it.
 */
export function readPresence(r: ByteReader, what: string): boolean {
  const at = r.offset;
  const b = r.u8(`presence of ${what}`);
  if (b === 0) return false;
  if (b === 1) return true;
  throw new DecodeError('XDLMS_BAD_PRESENCE', at, `0x00 or 0x01 for the presence of ${what}`, `0x${b.toString(16).padStart(2, '0')}`);
}

export function readOptional<T>(r: ByteReader, what: string, read: (r: ByteReader) => T): T | undefined {
  return readPresence(r, what) ? read(r) : undefined;
}

export function writeOptional<T>(w: ByteWriter, v: T | undefined, write: (w: ByteWriter, v: T) => void): void {
  if (v === undefined) {
    w.u8(0);
    return;
  }
  w.u8(1);
  write(w, v);
}

/** SEQUENCE OF: an A-XDR length counting elements, then the elements. */
export function readSequenceOf<T>(r: ByteReader, what: string, read: (r: ByteReader, index: number) => T): T[] {
  const count = r.length(`number of ${what}`);
  // Every element takes at least one byte: a larger count cannot be real and must not allocate.
  if (count > r.remaining) r.fail('TRUNCATED', `${count} element(s) of ${what}`, `${r.remaining} byte(s) left`);
  const out: T[] = [];
  for (let i = 0; i < count; i++) out.push(read(r, i));
  return out;
}

export function writeSequenceOf<T>(w: ByteWriter, items: readonly T[], write: (w: ByteWriter, v: T) => void): void {
  w.length(items.length);
  for (const item of items) write(w, item);
}

function checkInt(v: number, min: number, max: number, path: string, type: string): void {
  if (!Number.isInteger(v) || v < min || v > max) throw new EncodeError('XDLMS_VALUE_OUT_OF_RANGE', path, `${type} (${min}..${max})`, String(v));
}

export function writeU8(w: ByteWriter, v: number, path: string): void {
  checkInt(v, 0, 0xff, path, 'Unsigned8');
  w.u8(v);
}

export function writeI8(w: ByteWriter, v: number, path: string): void {
  checkInt(v, -0x80, 0x7f, path, 'Integer8');
  w.i8(v);
}

export function writeU16(w: ByteWriter, v: number, path: string): void {
  checkInt(v, 0, 0xffff, path, 'Unsigned16');
  w.u16(v);
}

export function writeI16(w: ByteWriter, v: number, path: string): void {
  checkInt(v, -0x8000, 0x7fff, path, 'Integer16');
  w.i16(v);
}

export function writeU32(w: ByteWriter, v: number, path: string): void {
  checkInt(v, 0, 0xffffffff, path, 'Unsigned32');
  w.u32(v);
}

/** An enumerated value of one octet (A-XDR ENUMERATED), checked like an Unsigned8. */
export const writeEnum = writeU8;

/** Fails with XDLMS_UNKNOWN_CHOICE at the choice octet: the bytes after it cannot be interpreted. */
export function failChoice(at: number, what: string, choice: number): never {
  throw new DecodeError('XDLMS_UNKNOWN_CHOICE', at, `a known ${what} alternative`, `0x${choice.toString(16).padStart(2, '0')}`);
}

/** True when `choice` is one of the tags of a CHOICE table: checked before reading what follows it. */
export function isChoice(table: Readonly<Record<string, number>>, choice: number): boolean {
  let tags = CHOICE_TAGS.get(table);
  if (tags === undefined) {
    tags = new Set(Object.values(table));
    CHOICE_TAGS.set(table, tags);
  }
  return tags.has(choice);
}

/** The tags of each CHOICE table (constants), gathered once: every APDU decoded asks. */
const CHOICE_TAGS = new WeakMap<Readonly<Record<string, number>>, ReadonlySet<number>>();
