/**
 * What the application part of the client needs from a data link: open it, exchange one APDU
 * for (at most) one reassembled APDU, close it. HDLC and the wrapper implement it; both record
 * every frame they send or receive.
 */
import type { DecodeError } from '../dlms/bytes/decode-error';
import type { Transport } from '../drivers/transport';

export type ApduArrival =
  | { readonly kind: 'apdu'; readonly bytes: Uint8Array }
  | { readonly kind: 'silence'; readonly waitedMs: number }
  /** The DUT's bytes did not decode at the link layer. */
  | { readonly kind: 'malformed'; readonly error: DecodeError }
  | { readonly kind: 'closed' };

export type OpenOutcome =
  | { readonly kind: 'open'; readonly note: string }
  | { readonly kind: 'refused'; readonly note: string }
  | { readonly kind: 'silence'; readonly waitedMs: number }
  | { readonly kind: 'malformed'; readonly error: DecodeError }
  | { readonly kind: 'closed' };

export interface Link {
  open(): Promise<OpenOutcome>;
  /** Sends `apdu`; when `reply` is false returns silence after sending without waiting. */
  exchange(apdu: Uint8Array, reply?: boolean): Promise<ApduArrival>;
  /** Waits for an APDU without sending (a late answer, or a pushed notification). */
  receive(timeoutMs: number): Promise<ApduArrival>;
  /**
   * Gives the server the right to send what it holds (HDLC: an empty UI frame with P set, DLMS UA
   * event reporting) and waits for it; silence at once when the server says it holds nothing.
   * Links on which the server may always talk (the wrapper) leave it out: `receive` serves.
   */
  poll?(timeoutMs: number): Promise<ApduArrival>;
  close(): Promise<void>;
  /** The meter closed the connection (or it failed): nothing more may be written, nothing will come. */
  readonly dead?: boolean;
}

/**
 * Writes unless the meter has hung up; false when it had (or hangs up during the write: the
 * socket's EPIPE/ECONNRESET is then the meter's closing, not a harness error). Every request
 * goes through here, so it is a plain promise chain, not an async function (one frame and
 * reaction fewer per write).
 */
export function writeUnlessClosed(transport: Transport, bytes: Uint8Array, closed: () => boolean): Promise<boolean> {
  if (closed()) return NOT_WRITTEN;
  let written: Promise<void>;
  try {
    written = transport.write(bytes);
  } catch (e) {
    written = Promise.reject(e as Error);
  }
  return written.then(WROTE, (e: unknown) => {
    if (closed()) return false;
    // The close event may trail the failed write by a tick: a write error on a socket is a closed connection.
    if (e instanceof Error && /EPIPE|ECONNRESET|connection closed|This socket has been ended/i.test(`${(e as NodeJS.ErrnoException).code ?? ''} ${e.message}`))
      return false;
    throw e;
  });
}

const NOT_WRITTEN: Promise<boolean> = Promise.resolve(false);
const WROTE = (): boolean => true;
