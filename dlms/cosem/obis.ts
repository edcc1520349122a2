/**
 * OBIS codes (IEC 62056-6-1; Blue Book 4.1.8.1 logical_name): six value groups A..F, carried as
 * an octet-string of 6 bytes. Text forms accepted, as profiles and suites write them:
 *
 *   1-0:1.8.0.255   1-0:1.8.0*255   1-0:1.8.0 (F = 255)   1.0.1.8.0.255   1.0.1.8.0 (F = 255)
 *   0100010800FF    (12 hex digits)
 *
 * The canonical output is `A-B:C.D.E.F`.
 */
import { DecodeError } from '../bytes';

export const OBIS_LENGTH = 6;
/** Blue Book 4.1.8.1: group F = 255 when not used, which is what a short 5-group form means. */
export const OBIS_F_NOT_USED = 255;

declare const obisBrand: unique symbol;
/** A 6-byte logical name. A branded Uint8Array, so it goes straight into an octet-string. */
export type Obis = Uint8Array & { readonly [obisBrand]: true };

function bad(at: number, expected: string, text: string): never {
  const actual = at >= text.length ? 'end of text' : JSON.stringify(text.slice(at, at + 8));
  throw new DecodeError('OBIS_BAD_TEXT', at, expected, actual);
}

/** Reads a decimal group 0..255 at `at`; returns its value and the index after it. */
function group(text: string, at: number): [number, number] {
  let end = at;
  while (end < text.length && end - at < 4 && text.charCodeAt(end) >= 0x30 && text.charCodeAt(end) <= 0x39) end++;
  if (end === at) bad(at, 'a decimal value group 0..255', text);
  const v = Number(text.slice(at, end));
  if (v > 255) bad(at, 'a decimal value group 0..255', text);
  return [v, end];
}

function expectChar(text: string, at: number, chars: string): number {
  const c = text[at];
  if (c === undefined || !chars.includes(c)) bad(at, chars.length === 1 ? `'${chars}'` : `one of ${[...chars].map((x) => `'${x}'`).join(' ')}`, text);
  return at + 1;
}

/**
 * Texts already parsed: a client reads the same few logical names over and over (every GET
 * names one). Bounded, so that a long run over many names cannot grow it without end.
 */
const parsed = new Map<string, Obis>();
const PARSED_LIMIT = 4096;

/** Parses any accepted text form; errors are DecodeError 'OBIS_BAD_TEXT' with offset = character index. */
export function parseObis(text: string): Obis {
  // A copy: the caller owns what it gets.
  return sharedObis(text).slice() as Obis;
}

/**
 * As `parseObis`, but the parse held for the text itself, shared by every caller: for an encoder
 * that only reads it (a request names a logical name on each GET, SET or ACTION), so no copy is
 * made per request. The caller must never write to it.
 */
export function sharedObis(text: string): Obis {
  const known = parsed.get(text);
  if (known !== undefined) return known;
  const obis = parseObisText(text);
  if (parsed.size >= PARSED_LIMIT) parsed.clear();
  parsed.set(text, obis);
  return obis;
}

function parseObisText(text: string): Obis {
  if (/^[0-9A-Fa-f]{12}$/.test(text)) {
    const out = new Uint8Array(OBIS_LENGTH);
    for (let i = 0; i < OBIS_LENGTH; i++) out[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
    return out as Obis;
  }
  const values: number[] = [];
  let [v, at] = group(text, 0);
  values.push(v);
  const reduced = text[at] === '-'; // A-B:C.D.E[.F] versus A.B.C.D.E[.F]
  if (reduced) {
    at = expectChar(text, at, '-');
    [v, at] = group(text, at);
    values.push(v);
    at = expectChar(text, at, ':');
    [v, at] = group(text, at);
    values.push(v);
  }
  while (values.length < 5) {
    at = expectChar(text, at, '.');
    [v, at] = group(text, at);
    values.push(v);
  }
  if (at < text.length) {
    at = expectChar(text, at, reduced ? '.*' : '.');
    [v, at] = group(text, at);
    values.push(v);
  } else {
    values.push(OBIS_F_NOT_USED);
  }
  if (at < text.length) bad(at, 'end of the OBIS code', text);
  return Uint8Array.from(values) as Obis;
}

/** Checks that bytes (an octet-string's value) are a logical name; `base` locates the error. */
export function obisFromBytes(bytes: Uint8Array, base = 0): Obis {
  if (bytes.length !== OBIS_LENGTH) throw new DecodeError('OBIS_BAD_LENGTH', base, 'an octet-string of 6 bytes', `${bytes.length} byte(s)`);
  return bytes.slice() as Obis;
}

export function isObis(bytes: Uint8Array): bytes is Obis {
  return bytes.length === OBIS_LENGTH;
}

/** `A-B:C.D.E.F`. Throws DecodeError 'OBIS_BAD_LENGTH' for anything but 6 bytes. */
export function formatObis(bytes: Uint8Array): string {
  // Checked, not copied: only read here (every object of an object list is named through this).
  if (bytes.length !== OBIS_LENGTH) obisFromBytes(bytes);
  return `${bytes[0]}-${bytes[1]}:${bytes[2]}.${bytes[3]}.${bytes[4]}.${bytes[5]}`;
}

export function obisEquals(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === OBIS_LENGTH && b.length === OBIS_LENGTH && a.every((x, i) => x === b[i]);
}
