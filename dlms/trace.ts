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
 * when a report asks, shared with the original record. (An object literal with a getter cost
 * about 1 µs a record, measured; the shared getter of `recordWithLayersLater` about a third.)
 */
export function recordAt(r: TraceRecord, at: number): TraceRecord {
  if (r.bytes === undefined) return { ...r, at };
  return recordWithLayersLater(at, r.dir, r.bytes, () => r.layers, r.note);
}

/**
 * A record whose layers are decoded once, when first read. `layers` is an own, enumerable getter,
 * so spreads, JSON and deep equality see it like a plain field, in the field order of a plain
 * record. The getter is one function shared by every record (a getter written in an object
 * literal is a new function per record, and V8 gives each such object a map of its own: about
 * 1 µs to make, and every read of a record field went megamorphic); what it decodes is held in
 * private fields, which nothing enumerates.
 */
export function recordWithLayersLater(
  at: number,
  dir: Direction | 'event',
  bytes: Uint8Array | undefined,
  decode: () => readonly DecodedLayer[],
  note: string | undefined,
): TraceRecord {
  return new DeferredRecord(at, dir, bytes, decode, note) as unknown as TraceRecord;
}

class DeferredRecord {
  readonly #decode: () => readonly DecodedLayer[];
  #made: readonly DecodedLayer[] | undefined;

  constructor(at: number, dir: Direction | 'event', bytes: Uint8Array | undefined, decode: () => readonly DecodedLayer[], note: string | undefined) {
    const self = this as unknown as Record<string, unknown>;
    self.at = at;
    self.dir = dir;
    if (bytes !== undefined) self.bytes = bytes;
    this.#decode = decode;
    Object.defineProperty(this, 'layers', LAYERS);
    if (note !== undefined) self.note = note;
  }

  static layersOf(r: DeferredRecord): readonly DecodedLayer[] {
    return (r.#made ??= r.#decode());
  }
}

const LAYERS: PropertyDescriptor = {
  get(this: DeferredRecord) {
    return DeferredRecord.layersOf(this);
  },
  enumerable: true,
  configurable: true,
};
