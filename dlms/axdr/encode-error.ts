/**
 * Thrown by an A-XDR encoder asked to encode a value that has no encoding (an `unsigned` of 300,
 * a compact-array item that does not match its description). Such a value was built by the
 * harness, the simulator or a profile, never received from the DUT, so this is a separate type
 * from DecodeError: a caller attributes it to whoever built the value. `path` names the element
 * (`structure[2].array[0]`) so the culprit can be found in a large value.
 */
export class EncodeError extends Error {
  override readonly name = 'EncodeError';

  constructor(
    readonly code: string,
    readonly path: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`${code} at ${path || 'value'}: expected ${expected}, got ${actual}`);
  }
}

export function isEncodeError(e: unknown): e is EncodeError {
  return e instanceof EncodeError;
}
