/** A frame trace as JSON for tools: bytes as upper-case hex, everything else as recorded. */
import { toHex } from '../dlms/bytes/hex';
import type { DecodedLayer, TraceRecord } from '../dlms/trace';

export interface TraceRecordJson {
  readonly at: number;
  readonly dir: TraceRecord['dir'];
  readonly hex?: string;
  readonly layers: readonly DecodedLayer[];
  readonly note?: string;
}

export function traceToJson(trace: readonly TraceRecord[]): TraceRecordJson[] {
  return trace.map((r) => ({
    at: r.at,
    dir: r.dir,
    ...(r.bytes ? { hex: toHex(r.bytes) } : {}),
    layers: r.layers,
    ...(r.note === undefined ? {} : { note: r.note }),
  }));
}

/**
 * One record a line: as easy to read and diff as an indented array, and less than half its size
 * (the JSON traces are most of a run's results on disk, and every one is written as the case ends).
 */
export function renderTraceJson(trace: readonly TraceRecord[]): string {
  const records = traceToJson(trace);
  return records.length === 0 ? '[]\n' : `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
}
