/**
 * A growable output buffer. Nested lengths are written with `withLength`, which encodes the
 * body first and prefixes its length, so no codec patches bytes by hand.
 */
export class ByteWriter {
  private buf = new Uint8Array(64);
  private len = 0;

  /** Bytes written so far. */
  get size(): number {
    return this.len;
  }

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  u8(v: number): this {
    this.room(1);
    this.buf[this.len++] = v & 0xff;
    return this;
  }

  u16(v: number): this {
    return this.u8(v >>> 8).u8(v);
  }

  u32(v: number): this {
    return this.u8(v >>> 24)
      .u8(v >>> 16)
      .u8(v >>> 8)
      .u8(v);
  }

  u64(v: bigint): this {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, BigInt.asUintN(64, v));
    return this.bytes(b);
  }

  i8(v: number): this {
    return this.u8(v);
  }

  i16(v: number): this {
    return this.u16(v & 0xffff);
  }

  i32(v: number): this {
    return this.u32(v >>> 0);
  }

  i64(v: bigint): this {
    return this.u64(v);
  }

  f32(v: number): this {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, v);
    return this.bytes(b);
  }

  f64(v: number): this {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v);
    return this.bytes(b);
  }

  bytes(b: Uint8Array): this {
    this.room(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
    return this;
  }

  /** A-XDR / BER definite length: short form below 128, else 0x8N and N bytes. */
  length(n: number): this {
    if (n < 0x80) return this.u8(n);
    const out: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
    this.u8(0x80 | out.length);
    for (const b of out) this.u8(b);
    return this;
  }

  /** Encodes `body` into a fresh writer, then writes its length and its bytes. */
  withLength(body: (w: ByteWriter) => void): this {
    const inner = new ByteWriter();
    body(inner);
    return this.length(inner.size).bytes(inner.finish());
  }

  /** The bytes written so far (a copy; the writer may go on). */
  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

/** Runs an encoder into a fresh writer: `encode(encodeX, value)`. */
export function encodeWith<T>(encoder: (w: ByteWriter, value: T) => void, value: T): Uint8Array {
  const w = new ByteWriter();
  encoder(w, value);
  return w.finish();
}
