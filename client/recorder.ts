/**
 * Collects the trace of one client: one record per frame in each direction and one per event,
 * timestamped from a monotonic clock relative to the recorder's start (so traces from a slow
 * machine and a fast one line up, and wall-clock jumps cannot reorder them).
 */
import type { DecodedLayer, Direction, TraceRecord } from '../dlms/trace';

export type Clock = () => number;

export const monotonicMs: Clock = () => performance.now();

export class TraceRecorder {
  readonly records: TraceRecord[] = [];
  private readonly start: number;

  constructor(private readonly clock: Clock = monotonicMs) {
    this.start = clock();
  }

  now(): number {
    return this.clock() - this.start;
  }

  /**
   * `layers` may be deferred: decoded once, when a report first reads them (most records of a
   * passing run are never rendered in detail). `bytes` is kept as given: the caller hands over a
   * copy it no longer touches.
   */
  frame(dir: Direction, bytes: Uint8Array, layers: readonly DecodedLayer[] | (() => readonly DecodedLayer[]), note?: string): void {
    const at = round(this.now());
    if (typeof layers !== 'function') {
      this.records.push(note === undefined ? { at, dir, bytes, layers } : { at, dir, bytes, layers, note });
      return;
    }
    this.records.push(deferred(at, dir, bytes, layers, note));
  }

  /** `layers` may be deferred, as for a frame. */
  event(note: string, layers: readonly DecodedLayer[] | (() => readonly DecodedLayer[]) = []): void {
    const at = round(this.now());
    if (typeof layers !== 'function') this.records.push({ at, dir: 'event', layers, note });
    else this.records.push(deferredEvent(at, layers, note));
  }
}

/**
 * A record whose layers are decoded once, when first read. `layers` is an own, enumerable getter,
 * so spreads, JSON and deep equality see it like a plain field. The getter is one function shared
 * by every record (a getter written in an object literal is a new function per record, and V8
 * gives each such object a map of its own: about 1 µs to make, and every read of a record field
 * went megamorphic); what it decodes is held in private fields, which nothing enumerates.
 */
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

function deferred(at: number, dir: Direction, bytes: Uint8Array, decode: () => readonly DecodedLayer[], note: string | undefined): TraceRecord {
  return new DeferredRecord(at, dir, bytes, decode, note) as unknown as TraceRecord;
}

function deferredEvent(at: number, decode: () => readonly DecodedLayer[], note: string): TraceRecord {
  return new DeferredRecord(at, 'event', undefined, decode, note) as unknown as TraceRecord;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
