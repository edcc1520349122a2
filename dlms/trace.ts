/**
 * What a trace is made of: plain data, produced by the client (one record per frame that
 * crossed the wire, plus events) and rendered by reports/. It lives in dlms/ because both
 * sides need the shape and neither may import the other.
 *
 * Redaction happens when a record is made: no record ever holds a key or a password in any
 * field (the client masks authentication values before it builds `layers`).
 */
export type Direction = 'tx' | 'rx';

export interface DecodedField {
  readonly name: string;
  readonly value: string;
  /** Byte range within the record's bytes, when known: [start, end). */
  readonly range?: readonly [number, number];
}

export interface DecodedLayer {
  /** 'hdlc', 'wrapper', 'llc', 'apdu', 'deciphered-apdu', … */
  readonly layer: string;
  /** One line: `I N(S)=0 N(R)=1 P/F final 42 B`, `get-response normal invoke 1 → double-long-unsigned 12345`. */
  readonly summary: string;
  readonly fields?: readonly DecodedField[];
  /** A decode failure at this layer, with its exact location. */
  readonly error?: { readonly code: string; readonly offset: number; readonly expected: string; readonly actual: string };
}

export interface TraceRecord {
  /** Milliseconds since the case started, from a monotonic clock. */
  readonly at: number;
  readonly dir: Direction | 'event';
  /** Exactly the bytes that crossed the wire (absent for events). */
  readonly bytes?: Uint8Array;
  readonly layers: readonly DecodedLayer[];
  /** 'retransmission', 'no answer within 5000 ms', 'connected to tcp 127.0.0.1:4059', … */
  readonly note?: string;
}

/**
 * The record moved to time `at` (a case's timeline joins several clients' traces). A spread
 * would read `layers` and so decode every frame of every case; this keeps the decoding for
 * when a report asks, shared with the original record.
 */
export function recordAt(r: TraceRecord, at: number): TraceRecord {
  if (r.bytes === undefined) return { ...r, at };
  const bytes = r.bytes;
  const note = r.note;
  if (note === undefined) {
    return {
      at,
      dir: r.dir,
      bytes,
      get layers() {
        return r.layers;
      },
    };
  }
  return {
    at,
    dir: r.dir,
    bytes,
    get layers() {
      return r.layers;
    },
    note,
  };
}
