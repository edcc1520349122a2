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
