/**
 * The error of the IEC 62056-21 opening. It has the shape of dlms/bytes' `DecodeError` (stable
 * code, byte offset, expected, actual) because drivers/ may not import dlms/; the client maps
 * either to the same `malformed` outcome. Codes are listed in docs/error-codes/iec21.md.
 *
 * Offsets count from the first byte received after the request was sent, so an error names the
 * exact byte of what the device answered (an echo of the request, when skipped, is counted too).
 */
export class Iec21Error extends Error {
  override readonly name = 'Iec21Error';

  constructor(
    readonly code: string,
    readonly offset: number,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`${code} at byte ${offset}: expected ${expected}, got ${actual}`);
  }

  /** The same error, its offset moved by `by` bytes. */
  shifted(by: number): Iec21Error {
    return new Iec21Error(this.code, this.offset + by, this.expected, this.actual);
  }
}

export function isIec21Error(e: unknown): e is Iec21Error {
  return e instanceof Iec21Error;
}

/** One byte as a reader wants to see it in an error: `'A' (0x41)`, or `0x0D` when unprintable. */
export function describeByte(b: number | undefined): string {
  if (b === undefined) return 'end of data';
  const hex = `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
  return b >= 0x20 && b <= 0x7e ? `'${String.fromCharCode(b)}' (${hex})` : hex;
}
