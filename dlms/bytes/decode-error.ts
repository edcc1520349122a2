/**
 * The one error every decoder in dlms/ throws. It carries a stable code (listed in
 * docs/error-codes.md), the byte offset where decoding stopped, and what was expected versus
 * what was found, so a failure names the exact byte of the exact frame.
 *
 * Attribution: bytes that came from the device under test make a DecodeError the DUT's fault;
 * bytes the harness built itself make it the harness's. The caller knows which, so the error
 * does not carry it.
 */
export class DecodeError extends Error {
  override readonly name = 'DecodeError';
  readonly code: string;
  readonly offset: number;
  readonly expected: string;
  readonly actual: string;

  constructor(code: string, offset: number, expected: string, actual: string) {
    super(`${code} at byte ${offset}: expected ${expected}, got ${actual}`);
    this.code = code;
    this.offset = offset;
    this.expected = expected;
    this.actual = actual;
  }

  /** The same error, its offset moved by `by` bytes: a nested decoder reports within its parent. */
  shifted(by: number): DecodeError {
    return new DecodeError(this.code, this.offset + by, this.expected, this.actual);
  }
}

export function isDecodeError(e: unknown): e is DecodeError {
  return e instanceof DecodeError;
}
