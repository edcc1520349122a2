/**
 * The emulation rig's cost with no meter: a chunk of frame size goes from the client's end
 * through the line-speed bridge to the meter's end, which echoes it back at once; the round trip
 * less twice the chunk's wire time is what the bridge, the ptys and both ends' serial drivers
 * (and waking each process) add, with nothing to compute in between. The bridge's own share is
 * from its own clock readings (line-bridge.py): its wake-up on each write and its lateness against
 * the due times; the rest is the read path that a real serial port has too.
 */
import { openSerial } from '../drivers/serial';
import { bridgeWakeMs, startLineBridge, wireMs } from './line-bridge';
import { median } from './runner';

export interface LoopbackFigures {
  readonly baud: number;
  readonly roundTrips: number;
  readonly chunkBytes: number;
  /** Median round trip, and its wire time (the chunk there and back). */
  readonly roundTripMs: number;
  readonly wireMs: number;
  /** Median time beyond the wire per round trip, and of the whole, the bridge's own time (mean): its wake-up on each write, its lateness on delivery. */
  readonly extraMs: number;
  readonly bridgeMs: number;
}

const ECHO_BOUND_MS = 5000;

export async function measureLoopback(baud: number, roundTrips: number, chunkBytes: number): Promise<LoopbackFigures> {
  const bridge = await startLineBridge(baud);
  const extras: number[] = [];
  const trips: number[] = [];
  const clientWritesAt: number[] = [];
  const meterWritesAt: number[] = [];
  let stats;
  try {
    const client = await openSerial({ path: bridge.clientEnd, baudRate: baud, timeoutMs: 2000 });
    const meter = await openSerial({ path: bridge.meterEnd, baudRate: baud, timeoutMs: 2000 });
    try {
      meter.onData((chunk) => {
        meterWritesAt.push(performance.now());
        void meter.write(chunk).catch(() => undefined);
      });
      let got = 0;
      let arrived: (() => void) | undefined;
      client.onData((chunk) => {
        got += chunk.length;
        if (got >= chunkBytes) arrived?.();
      });
      const chunk = new Uint8Array(chunkBytes).fill(0x7e);
      for (let i = 0; i < roundTrips; i++) {
        got = 0;
        const back = new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`loopback: the echo did not come back within ${ECHO_BOUND_MS} ms`)), ECHO_BOUND_MS);
          arrived = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        const t0 = performance.now();
        clientWritesAt.push(t0);
        void client.write(chunk).catch(() => undefined);
        await back;
        const trip = performance.now() - t0;
        trips.push(trip);
        extras.push(trip - 2 * wireMs(chunkBytes, baud));
      }
    } finally {
      await client.close();
      await meter.close();
    }
  } finally {
    stats = await bridge.stop();
  }
  return {
    baud,
    roundTrips,
    chunkBytes,
    roundTripMs: median(trips),
    wireMs: 2 * wireMs(chunkBytes, baud),
    extraMs: median(extras),
    bridgeMs: stats
      ? (stats.lateMs + bridgeWakeMs(clientWritesAt, stats.readsAt.toMeter) + bridgeWakeMs(meterWritesAt, stats.readsAt.toClient)) / roundTrips
      : Number.NaN,
  };
}
