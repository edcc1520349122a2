/**
 * The contents of the simple Data types (Blue Book 4.1.5, Green Book 9.5), without their tag:
 * shared by tagged Data and by compact-array contents, where values appear untagged.
 */
import { ByteReader, ByteWriter } from '../bytes';
import type { Data } from './data';
import { decodeDate, decodeDateTime, decodeTime, encodeDate, encodeDateTime, encodeTime } from './datetime';
import { EncodeError } from './encode-error';
import type { SimpleType } from './type-description';

export type SimpleData = Exclude<Data, { readonly type: 'array' | 'structure' | 'compact-array' }>;

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });
const utf8Encoder = new TextEncoder();

/** Integer ranges of the fixed-width types (Blue Book 4.1.5). */
const INT_RANGE = {
  integer: [-0x80, 0x7f],
  long: [-0x8000, 0x7fff],
  'double-long': [-0x80000000, 0x7fffffff],
  unsigned: [0, 0xff],
  'long-unsigned': [0, 0xffff],
  'double-long-unsigned': [0, 0xffffffff],
  enum: [0, 0xff],
  bcd: [0, 0xff],
  'delta-integer': [-0x80, 0x7f],
  'delta-long': [-0x8000, 0x7fff],
  'delta-double-long': [-0x80000000, 0x7fffffff],
  'delta-unsigned': [0, 0xff],
  'delta-long-unsigned': [0, 0xffff],
  'delta-double-long-unsigned': [0, 0xffffffff],
} as const;

function checkInt(v: number, type: keyof typeof INT_RANGE, path: string): number {
  const [min, max] = INT_RANGE[type];
  if (!Number.isInteger(v) || v < min || v > max) throw new EncodeError('AXDR_VALUE_OUT_OF_RANGE', path, `${type} in ${min}..${max}`, String(v));
  return v;
}

function checkBig(v: bigint, signed: boolean, path: string): bigint {
  const ok = signed ? BigInt.asIntN(64, v) === v : BigInt.asUintN(64, v) === v;
  if (!ok) throw new EncodeError('AXDR_VALUE_OUT_OF_RANGE', path, signed ? 'long64 in -2^63..2^63-1' : 'long64-unsigned in 0..2^64-1', String(v));
  return v;
}

/** Writes a simple value's contents (no tag). */
export function encodeSimple(w: ByteWriter, d: SimpleData, path: string): void {
  switch (d.type) {
    case 'null-data':
    case 'dont-care':
      return;
    case 'boolean':
      // A-XDR: FALSE is 0 and TRUE any other byte; 1 is what meters and clients send. The decoder
      // keeps only truthiness, so a TRUE of 0x05 re-encodes as 0x01 (the one lossy type).
      w.u8(d.value ? 1 : 0);
      return;
    case 'bit-string': {
      const bytesNeeded = Math.ceil(d.length / 8);
      if (!Number.isInteger(d.length) || d.length < 0 || d.bytes.length !== bytesNeeded) {
        throw new EncodeError('AXDR_BAD_BIT_STRING', path, `${bytesNeeded} byte(s) for ${d.length} bit(s)`, `${d.bytes.length} byte(s)`);
      }
      w.length(d.length).bytes(d.bytes);
      return;
    }
    case 'octet-string':
      w.length(d.value.length).bytes(d.value);
      return;
    case 'visible-string': {
      const bytes = new Uint8Array(d.value.length);
      for (let i = 0; i < d.value.length; i++) {
        const c = d.value.charCodeAt(i);
        // Kept byte-per-char (latin1) so a DUT's non-ASCII bytes round-trip; a wider char has no byte.
        if (c > 0xff) throw new EncodeError('AXDR_VALUE_OUT_OF_RANGE', path, 'visible-string characters 0x00..0xFF', `U+${c.toString(16)} at ${i}`);
        bytes[i] = c;
      }
      w.length(bytes.length).bytes(bytes);
      return;
    }
    case 'utf8-string': {
      const bytes = utf8Encoder.encode(d.value);
      w.length(bytes.length).bytes(bytes);
      return;
    }
    case 'integer':
    case 'delta-integer':
      w.i8(checkInt(d.value, d.type, path));
      return;
    case 'long':
    case 'delta-long':
      w.i16(checkInt(d.value, d.type, path));
      return;
    case 'double-long':
    case 'delta-double-long':
      w.i32(checkInt(d.value, d.type, path));
      return;
    case 'unsigned':
    case 'enum':
    case 'bcd':
    case 'delta-unsigned':
      w.u8(checkInt(d.value, d.type, path));
      return;
    case 'long-unsigned':
    case 'delta-long-unsigned':
      w.u16(checkInt(d.value, d.type, path));
      return;
    case 'double-long-unsigned':
    case 'delta-double-long-unsigned':
      w.u32(checkInt(d.value, d.type, path));
      return;
    case 'long64':
      w.i64(checkBig(d.value, true, path));
      return;
    case 'long64-unsigned':
      w.u64(checkBig(d.value, false, path));
      return;
    case 'float32':
      w.f32(d.value);
      return;
    case 'float64':
      w.f64(d.value);
      return;
    case 'date-time':
      encodeDateTime(w, d.value, path);
      return;
    case 'date':
      encodeDate(w, d.value, path);
      return;
    case 'time':
      encodeTime(w, d.value, path);
      return;
    default: {
      const never: never = d;
      throw new EncodeError('AXDR_UNKNOWN_TYPE', path, 'a Data type', JSON.stringify(never));
    }
  }
}

/** Reads a simple value's contents (its tag already read, or implied by a compact-array description). */
export function decodeSimple(r: ByteReader, type: SimpleType): SimpleData {
  switch (type) {
    case 'null-data':
    case 'dont-care':
      return { type };
    case 'boolean':
      return { type, value: r.u8('boolean') !== 0 };
    case 'bit-string': {
      const length = r.length('bit-string length');
      return { type, length, bytes: r.takeCopy(Math.ceil(length / 8), 'bit-string bits') };
    }
    case 'octet-string':
      return { type, value: r.takeCopy(r.length('octet-string length'), 'octet-string') };
    case 'visible-string': {
      const bytes = r.take(r.length('visible-string length'), 'visible-string');
      let value = '';
      for (const b of bytes) value += String.fromCharCode(b);
      return { type, value };
    }
    case 'utf8-string': {
      const n = r.length('utf8-string length');
      const start = r.offset;
      const bytes = r.take(n, 'utf8-string');
      try {
        return { type, value: utf8Decoder.decode(bytes) };
      } catch {
        return new ByteReader(bytes, start).fail('AXDR_BAD_UTF8', 'well-formed UTF-8', 'an invalid byte sequence');
      }
    }
    case 'integer':
    case 'delta-integer':
      return { type, value: r.i8(type) };
    case 'long':
    case 'delta-long':
      return { type, value: r.i16(type) };
    case 'double-long':
    case 'delta-double-long':
      return { type, value: r.i32(type) };
    case 'unsigned':
    case 'enum':
    case 'bcd':
    case 'delta-unsigned':
      return { type, value: r.u8(type) };
    case 'long-unsigned':
    case 'delta-long-unsigned':
      return { type, value: r.u16(type) };
    case 'double-long-unsigned':
    case 'delta-double-long-unsigned':
      return { type, value: r.u32(type) };
    case 'long64':
      return { type, value: r.i64(type) };
    case 'long64-unsigned':
      return { type, value: r.u64(type) };
    case 'float32':
      return { type, value: r.f32(type) };
    case 'float64':
      return { type, value: r.f64(type) };
    case 'date-time':
      return { type, value: decodeDateTime(r) };
    case 'date':
      return { type, value: decodeDate(r) };
    case 'time':
      return { type, value: decodeTime(r) };
    default: {
      const never: never = type;
      return r.fail('AXDR_UNKNOWN_TAG', 'a simple Data type', String(never));
    }
  }
}
