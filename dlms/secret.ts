/**
 * A password or key that cannot leak by accident: printing, string interpolation, JSON and
 * util.inspect all show a mask. Only `reveal()` gives the bytes, and only codecs and ciphers
 * call it. Profiles hold references (`env:METER_EK`); the harness turns them into Secrets.
 */
const MASK = '«secret»';
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

export class Secret {
  readonly #bytes: Uint8Array;
  /** Where it came from (`env:METER_LLS`), safe to show. */
  readonly source: string;

  constructor(bytes: Uint8Array, source: string) {
    this.#bytes = bytes.slice();
    this.source = source;
  }

  static fromText(text: string, source: string): Secret {
    return new Secret(new TextEncoder().encode(text), source);
  }

  reveal(): Uint8Array {
    return this.#bytes.slice();
  }

  get length(): number {
    return this.#bytes.length;
  }

  toString(): string {
    return MASK;
  }

  toJSON(): string {
    return MASK;
  }

  [inspectSymbol](): string {
    return `Secret(${this.source})`;
  }
}

export const SECRET_MASK = MASK;
