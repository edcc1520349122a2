import { DecodeError } from './decode-error';
import { toHex } from './hex';

/**
 * A forward-only cursor over a byte array. Every read checks bounds and throws a DecodeError
 * with the offset of the first missing byte, so no decoder indexes past the end by accident.
 * `base` is the absolute offset of byte 0 in the enclosing frame: errors from a sub-reader
 * report frame offsets, not offsets within the slice.
 */
export class ByteReader {
  private pos = 0;

  constructor(
    readonly bytes: Uint8Array,
    readonly base = 0,
  ) {}

  /** Absolute offset of the next byte to read. */
  get offset(): number {
    return this.base + this.pos;
  }

  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  get done(): boolean {
    return this.pos >= this.bytes.length;
  }

  /** Throws a DecodeError at the current offset; `never` so callers can use it in expressions. */
  fail(code: string, expected: string, actual: string): never {
    throw new DecodeError(code, this.offset, expected, actual);
  }

  private need(n: number, what: string): void {
    if (n > this.remaining) {
      this.fail('TRUNCATED', `${n} byte(s) for ${what}`, `${this.remaining} byte(s) left`);
    }
  }

  u8(what = 'u8'): number {
    this.need(1, what);
    return this.bytes[this.pos++] as number;
  }

  peekU8(what = 'u8'): number {
    this.need(1, what);
    return this.bytes[this.pos] as number;
  }

  u16(what = 'u16'): number {
    this.need(2, what);
    const v = ((this.bytes[this.pos] as number) << 8) | (this.bytes[this.pos + 1] as number);
    this.pos += 2;
    return v;
  }

  u32(what = 'u32'): number {
    this.need(4, what);
    const v = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.pos, 4).getUint32(0);
    this.pos += 4;
    return v;
  }

  u64(what = 'u64'): bigint {
    this.need(8, what);
    const v = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.pos, 8).getBigUint64(0);
    this.pos += 8;
    return v;
  }

  i8(what = 'i8'): number {
    const v = this.u8(what);
    return v >= 0x80 ? v - 0x100 : v;
  }

  i16(what = 'i16'): number {
    const v = this.u16(what);
    return v >= 0x8000 ? v - 0x10000 : v;
  }

  i32(what = 'i32'): number {
    return this.u32(what) | 0;
  }

  i64(what = 'i64'): bigint {
    return BigInt.asIntN(64, this.u64(what));
  }

  f32(what = 'float32'): number {
    this.need(4, what);
    const v = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.pos, 4).getFloat32(0);
    this.pos += 4;
    return v;
  }

  f64(what = 'float64'): number {
    this.need(8, what);
    const v = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.pos, 8).getFloat64(0);
    this.pos += 8;
    return v;
  }

  /** The next `n` bytes, as a view (no copy). */
  take(n: number, what = 'bytes'): Uint8Array {
    const at = this.advance(n, what);
    return this.bytes.subarray(at, at + n);
  }

  /** The next `n` bytes, as a copy of their own (one array, where `take(n).slice()` makes two). */
  takeCopy(n: number, what = 'bytes'): Uint8Array {
    const at = this.advance(n, what);
    return this.bytes.slice(at, at + n);
  }

  /** Checks that `n` bytes are there, moves past them, and returns where they start. */
  private advance(n: number, what: string): number {
    if (n < 0) this.fail('BAD_LENGTH', `a non-negative length for ${what}`, String(n));
    this.need(n, what);
    const at = this.pos;
    this.pos += n;
    return at;
  }

  /** A reader over the next `n` bytes that reports absolute offsets; this reader skips them. */
  sub(n: number, what = 'nested field'): ByteReader {
    const start = this.offset;
    return new ByteReader(this.take(n, what), start);
  }

  rest(): Uint8Array {
    return this.take(this.remaining);
  }

  /** Fails with TRAILING_BYTES unless every byte was consumed: a complete value must end its container. */
  expectEnd(what: string): void {
    if (!this.done) {
      const tail = this.bytes.subarray(this.pos, Math.min(this.bytes.length, this.pos + 16));
      this.fail('TRAILING_BYTES', `end of ${what}`, `${this.remaining} more byte(s): ${toHex(tail)}${this.remaining > 16 ? '…' : ''}`);
    }
  }

  /**
   * A-XDR / BER length (Green Book 9.x, X.690 8.1.3): one byte below 0x80, else 0x8N followed by
   * N big-endian bytes. Lengths that do not fit in 4 bytes cannot describe a real PDU.
   */
  length(what = 'length'): number {
    const first = this.u8(what);
    if (first < 0x80) return first;
    const n = first & 0x7f;
    if (n === 0 || n > 4) this.fail('BAD_LENGTH', `a length of 1..4 bytes for ${what}`, `0x${first.toString(16)}`);
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 256 + this.u8(what);
    return v;
  }
}
