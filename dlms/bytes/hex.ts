import { DecodeError } from './decode-error';

/** Lower-case-insensitive hex to bytes; spaces, colons and dashes between bytes are ignored. */
export function fromHex(text: string): Uint8Array {
  const clean = text.replace(/[\s:-]/g, '');
  if (clean.length % 2 !== 0) {
    throw new DecodeError('HEX_ODD_LENGTH', clean.length, 'an even number of hex digits', `${clean.length} digits`);
  }
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) {
    const pair = clean.slice(i * 2, i * 2 + 2);
    if (!/^[0-9a-fA-F]{2}$/.test(pair)) {
      throw new DecodeError('HEX_BAD_DIGIT', i, 'two hex digits', JSON.stringify(pair));
    }
    out[i] = parseInt(pair, 16);
  }
  return out;
}

/** Each byte's two digits, made once: every trace renders every frame's bytes. */
const HEX_OF_BYTE: readonly string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).toUpperCase().padStart(2, '0'));

/** Upper-case hex without separators (the form traces and vectors use), or spaced when `sep` is given. */
export function toHex(bytes: Uint8Array, sep = ''): string {
  if (bytes.length === 0) return '';
  let s = HEX_OF_BYTE[bytes[0]!]!;
  for (let i = 1; i < bytes.length; i++) s += sep + HEX_OF_BYTE[bytes[i]!]!;
  return s;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The parts joined into one fresh array (plain counted loops: every request frame's LLC header goes through here). */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (let i = 0; i < parts.length; i++) size += (parts[i] as Uint8Array).length;
  const out = new Uint8Array(size);
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as Uint8Array;
    out.set(p, at);
    at += p.length;
  }
  return out;
}
