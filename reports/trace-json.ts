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

export function renderTraceJson(trace: readonly TraceRecord[]): string {
  return `${JSON.stringify(traceToJson(trace), null, 2)}\n`;
}
