/**
 * Collects the trace of one client: one record per frame in each direction and one per event,
 * timestamped from a monotonic clock relative to the recorder's start (so traces from a slow
 * machine and a fast one line up, and wall-clock jumps cannot reorder them).
 */
import { recordWithLayersLater, type DecodedLayer, type Direction, type TraceRecord } from '../dlms/trace';

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
    this.records.push(recordWithLayersLater(at, dir, bytes, layers, note));
  }

  /** `layers` may be deferred, as for a frame. */
  event(note: string, layers: readonly DecodedLayer[] | (() => readonly DecodedLayer[]) = []): void {
    const at = round(this.now());
    if (typeof layers !== 'function') this.records.push({ at, dir: 'event', layers, note });
    else this.records.push(recordWithLayersLater(at, 'event', undefined, layers, note));
  }
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
