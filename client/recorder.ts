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

  frame(dir: Direction, bytes: Uint8Array, layers: readonly DecodedLayer[], note?: string): void {
    this.records.push({ at: round(this.now()), dir, bytes: bytes.slice(), layers, ...(note === undefined ? {} : { note }) });
  }

  event(note: string, layers: readonly DecodedLayer[] = []): void {
    this.records.push({ at: round(this.now()), dir: 'event', layers, note });
  }
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
