/**
 * The client's own CPU per exchange, without a socket: a whole read of a meter (associate, the
 * object list, every readable attribute, release, disconnect) is recorded once over a real
 * transport, then run again and again against a transport that answers each write with what the
 * meter answered to it, from memory, on the next microtask. No kernel, no event-loop turn, no
 * meter: what is left is the client's work (encoding, the link, framing, decoding, the trace).
 * The client is deterministic given the same answers, so the replayed session sends the same
 * frames; a session that writes more often than the recording is reported, not answered.
 */
import { type TransportSpec } from '../client';
import type { Framing } from '../client/api';
import type { Transport } from '../drivers/transport';
import { median } from './runner';
import { associatedClient, closeClient, getData, OBJECT_LIST, readableAttributes } from './client-session';

/** What came back after each write, until the next one. */
export type Recording = readonly (readonly Uint8Array[])[];

/** Wraps a transport so that what comes back after each write is kept, in order. */
export function recordingTransport(inner: Transport): { readonly transport: Transport; readonly recording: Recording } {
  const recording: Uint8Array[][] = [];
  const transport: Transport = {
    label: inner.label,
    write: (bytes) => {
      recording.push([]);
      return inner.write(bytes);
    },
    onData: (listener) =>
      inner.onData((chunk) => {
        recording[recording.length - 1]?.push(chunk.slice());
        listener(chunk);
      }),
    onClose: (listener) => inner.onClose(listener),
    close: () => inner.close(),
  };
  return { transport, recording };
}

/** A transport that answers the k-th write with the k-th recorded answer. `extraWrites` counts writes past the recording. */
export function replayTransport(recording: Recording): Transport & { readonly extraWrites: () => number } {
  let next = 0;
  let extra = 0;
  let listener: ((chunk: Uint8Array) => void) | undefined;
  let closeListener: ((error?: Error) => void) | undefined;
  const done = Promise.resolve();
  return {
    label: 'replay',
    write: () => {
      const answer = recording[next++];
      if (answer === undefined) extra++;
      else
        queueMicrotask(() => {
          for (const chunk of answer) listener?.(chunk);
        });
      return done;
    },
    onData: (l) => {
      listener = l;
    },
    onClose: (l) => {
      closeListener = l;
    },
    close: () => {
      closeListener?.();
      return done;
    },
    extraWrites: () => extra,
  };
}

/**
 * Wraps a transport to time, on the wall clock, each turn of the client: from the last chunk of
 * an answer to the next write. That is the client's own work per exchange as it runs over a real
 * socket, after the wake-up that brought the answer, where the replay runs it hot; it also counts
 * the chunks each answer came in (a meter or simulator that writes a frame in pieces wakes the
 * client more than once).
 */
export function turnaroundTransport(inner: Transport): { readonly transport: Transport; readonly figures: () => TurnaroundFigures } {
  let answeredAt: number | undefined;
  let turns = 0;
  let totalMs = 0;
  let chunks = 0;
  let writes = 0;
  const transport: Transport = {
    label: inner.label,
    write: (bytes) => {
      const now = performance.now();
      writes++;
      if (answeredAt !== undefined) {
        totalMs += now - answeredAt;
        turns++;
        answeredAt = undefined;
      }
      return inner.write(bytes);
    },
    onData: (listener) =>
      inner.onData((chunk) => {
        chunks++;
        answeredAt = performance.now();
        listener(chunk);
      }),
    onClose: (listener) => inner.onClose(listener),
    close: () => inner.close(),
  };
  return { transport, figures: () => ({ turns, writes, chunks, meanUs: turns === 0 ? 0 : (totalMs * 1000) / turns }) };
}

export interface TurnaroundFigures {
  /** Writes that followed an answer (the first write of a connection follows none). */
  readonly turns: number;
  readonly writes: number;
  /** Chunks the transport delivered: one per answer when each frame comes in one piece. */
  readonly chunks: number;
  /** Mean wall time from an answer's last chunk to the next write, µs. */
  readonly meanUs: number;
}

/** The client's turnaround over a real transport (see turnaroundTransport), over `reads` whole reads after `warmUp` unmeasured ones. */
export async function turnaroundCost(open: () => Promise<Transport>, framing: Framing, reads: number, warmUp: number): Promise<TurnaroundFigures> {
  let sum = { turns: 0, writes: 0, chunks: 0, totalUs: 0 };
  for (let i = 0; i < warmUp + reads; i++) {
    let figures: (() => TurnaroundFigures) | undefined;
    const opened = async (): Promise<Transport> => {
      const t = turnaroundTransport(await open());
      figures = t.figures;
      return t.transport;
    };
    await readWhole({ kind: 'factory', label: 'timed', open: opened }, framing);
    const f = figures?.();
    if (i < warmUp || f === undefined) continue;
    sum = { turns: sum.turns + f.turns, writes: sum.writes + f.writes, chunks: sum.chunks + f.chunks, totalUs: sum.totalUs + f.meanUs * f.turns };
  }
  return { turns: sum.turns, writes: sum.writes, chunks: sum.chunks, meanUs: sum.turns === 0 ? 0 : sum.totalUs / sum.turns };
}

/** One whole read: associate, the object list, every readable attribute, release, disconnect. */
export async function readWhole(transport: TransportSpec, framing: Framing): Promise<void> {
  const client = await associatedClient(transport, framing);
  const attributes = readableAttributes(await getData(client, OBJECT_LIST));
  for (const ref of attributes) await client.get(ref);
  await closeClient(client);
}

export interface ReplayFigures {
  readonly exchanges: number;
  readonly sessions: number;
  /** CPU per exchange (µs), median over the batches. */
  readonly cpuUs: number;
  /** The least of the batches: the least disturbed by other processes. */
  readonly leastCpuUs: number;
}

/** Records a read through `open`, then replays it `sessions` times (after `warmUp` unmeasured ones), in batches of `batch`. */
export async function replayCost(open: () => Promise<Transport>, framing: Framing, sessions: number, warmUp: number, batch = 5): Promise<ReplayFigures> {
  let recorded: Recording = [];
  await readWhole(
    {
      kind: 'factory',
      label: 'recorded',
      open: async () => {
        const r = recordingTransport(await open());
        recorded = r.recording;
        return r.transport;
      },
    },
    framing,
  );
  const exchanges = recorded.length;
  const once = async (): Promise<void> => {
    const t = replayTransport(recorded);
    await readWhole({ kind: 'factory', label: 'replay', open: async () => t }, framing);
    if (t.extraWrites() > 0) throw new Error(`bench: the replayed read wrote ${t.extraWrites()} frames more than the recorded one (${exchanges})`);
  };
  for (let i = 0; i < warmUp; i++) await once();
  const perBatch: number[] = [];
  for (let done = 0; done < sessions; done += batch) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < batch; i++) await once();
    const c = process.cpuUsage(c0);
    perBatch.push((c.user + c.system) / (batch * exchanges));
  }
  return { exchanges, sessions: perBatch.length * batch, cpuUs: median(perBatch), leastCpuUs: Math.min(...perBatch) };
}
