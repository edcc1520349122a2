/**
 * The floor under any Node client: a meter's own answers to a GET sent over a bare socket (the
 * AARQ and GET bytes a dlmsct client sent first, over the IEC 62056-47 wrapper), so the CPU is
 * only the runtime's and the kernel's part of a round trip: one socket write, one read, their
 * wake-ups. A client's CPU per exchange is this plus its own work. The wrapper is used because a
 * GET can be sent again as it is; an HDLC I frame carries sequence numbers that change.
 * bench/c/round-trip.c does the same round trip in C (c-floor.ts): the machine's part alone.
 */
import * as net from 'node:net';
import { createClient } from '../client';
import { READ_BUFFER_SIZE } from '../drivers/tcp';
import { schedCounts, schedPerExchange, type SchedPerExchange } from './placement';

/** Round trips measured, after a quarter as many unmeasured ones (JIT and socket buffers warm). */
export const FLOOR_EXCHANGES = 2000;
const ANSWER_TIMEOUT_MS = 2000;

/** The bytes a floor sends: the AARQ that opens association `public`, then the GET it repeats. */
export interface FloorRequests {
  readonly aarq: Uint8Array;
  readonly get: Uint8Array;
}

/** CPU per round trip (µs), and the scheduler's part in it. */
export interface FloorFigures extends SchedPerExchange {
  readonly cpuUs: number;
}

/**
 * The AARQ and GET (logical device name) a dlmsct client sends to the wrapper port of a meter
 * whose association `public` (client SAP 16, no authentication) reads it, as the client sent them.
 */
export async function floorRequests(port: number): Promise<FloorRequests> {
  const client = createClient({
    transport: { kind: 'tcp', host: '127.0.0.1', port },
    link: { framing: 'wrapper', serverLogical: 1, addressSize: 1, responseTimeoutMs: ANSWER_TIMEOUT_MS, interFrameTimeoutMs: 200 },
    connectTimeoutMs: ANSWER_TIMEOUT_MS,
  });
  try {
    await client.associate({ name: 'public', clientSap: 16, referencing: 'ln', authentication: 'none' });
    await client.get({ classId: 1, obis: '0-0:42.0.0.255', attribute: 2 });
    const [aarq, get] = client.trace.filter((r) => r.dir === 'tx').map((r) => r.bytes!);
    if (aarq === undefined || get === undefined) throw new Error(`bench floor: the client sent no AARQ and GET to port ${port}`);
    await client.release();
    return { aarq, get };
  } finally {
    await client.disconnect();
  }
}

/** Node's bare round trip to the wrapper port: CPU per exchange (µs) with the scheduler's counts. */
export async function nodeFloor(port: number, exchanges = FLOOR_EXCHANGES, requests?: FloorRequests): Promise<FloorFigures> {
  const { aarq, get } = requests ?? (await floorRequests(port));
  // Read as the client's TCP driver reads (drivers/tcp.ts): into one buffer, no 'data' events.
  let answered: () => void = () => undefined;
  const socket = net.connect({
    port,
    host: '127.0.0.1',
    onread: {
      buffer: Buffer.allocUnsafe(READ_BUFFER_SIZE),
      callback: () => {
        answered();
        return true;
      },
    },
  });
  socket.setNoDelay(true);
  // One bound for every round trip, pushed back at each: a timer made and cancelled per round
  // trip would be the floor's own cost, not the runtime's.
  let fail: (e: Error) => void = () => undefined;
  const bound = setTimeout(() => fail(new Error(`the meter did not answer the bare GET within ${ANSWER_TIMEOUT_MS} ms`)), ANSWER_TIMEOUT_MS);
  try {
    await new Promise<void>((resolve, reject) => {
      fail = reject;
      socket.once('connect', resolve).once('error', reject);
    });
    const ask = (b: Uint8Array): Promise<void> =>
      new Promise<void>((resolve, reject) => {
        bound.refresh();
        fail = reject;
        answered = resolve;
        socket.write(b);
      });
    await ask(aarq);
    for (let i = 0; i < exchanges / 4; i++) await ask(get);
    const s0 = schedCounts();
    const c0 = process.cpuUsage();
    for (let i = 0; i < exchanges; i++) await ask(get);
    const c = process.cpuUsage(c0);
    return { cpuUs: (c.user + c.system) / exchanges, ...schedPerExchange(s0, schedCounts(), exchanges) };
  } finally {
    clearTimeout(bound);
    socket.destroy();
  }
}

/** CPU per bare round trip (µs) to the wrapper port of a meter (see nodeFloor). */
export async function nodeFloorUs(port: number, exchanges = FLOOR_EXCHANGES): Promise<number> {
  return (await nodeFloor(port, exchanges)).cpuUs;
}
