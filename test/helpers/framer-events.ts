/** What a framer test compares: frames as hex, and discarded bytes as hex with their reason. */
import { toHex } from '../../dlms/bytes/hex';
import type { FramerEvent, StreamFramer } from '../../drivers/framer';

const line = (e: FramerEvent): string => (e.type === 'frame' ? `frame ${toHex(e.bytes)}` : `discarded ${e.reason} ${toHex(e.bytes)}`);

export function summary(events: readonly FramerEvent[]): string[] {
  return events.map(line);
}

/** Joins adjacent discards: a split write may report one run of garbage in two pieces. */
export function merged(events: readonly FramerEvent[]): string[] {
  const out: string[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (e.type === 'discarded' && last?.startsWith(`discarded ${e.reason} `)) out[out.length - 1] = last + toHex(e.bytes);
    else out.push(line(e));
  }
  return out;
}

/** Feeds each chunk at its index as the time, collecting every event. */
export function feedChunks(framer: StreamFramer, chunks: readonly Uint8Array[]): FramerEvent[] {
  return chunks.flatMap((c, i) => framer.feed(c, i));
}
