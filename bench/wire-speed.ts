/**
 * Wire-speed truth on serial: the client and the simulator on the two ends of a line-speed
 * bridge (line-bridge.ts) at `baud`; a session (SNRM, AARQ, `gets` GETs, RLRQ, DISC) takes its
 * wall time, and its wire time is what its bytes, both ways, need on that line (bytes × 10 /
 * baud; half duplex, one frame at a time). The ratio says how much time is spent off the wire,
 * and whose it is: the client's gaps (from an answer's last byte in to the next request out, from
 * the client's trace), the simulator's turnaround (from a request's last byte in to its answer
 * handed to the meter's end, timed there), the rig's own time (the bridge waking to read a chunk
 * after it was written, and handing it on after the time its last byte would have crossed, both
 * from the bridge's own clock readings: what a real line does not cost), and the rest: both ends' serial read path (the kernel's tty layer, serialport's read
 * through libuv's thread pool, each process waking), which a real serial port costs too.
 */
import type { Transport } from '../drivers/transport';
import { createClient } from '../client';
import { openSerial } from '../drivers/serial';
import { createSimulator } from '../simulator';
import { bridgeWakeMs, startLineBridge, wireMs, type BridgeStats } from './line-bridge';
import { LOGICAL_DEVICE_NAME } from './client-session';

export interface WireSpeedFigures {
  readonly baud: number;
  readonly exchanges: number;
  readonly bytes: number;
  readonly wallMs: number;
  readonly wireMs: number;
  /** wall / wire: 1.00 is a line never idle. */
  readonly ratio: number;
  /** The same of the process's first session, whose code V8 has not yet compiled. */
  readonly firstSessionRatio: number;
  /** (wire + our gaps) / wire: the line's time as the client alone would make it. */
  readonly oursRatio: number;
  readonly perExchange: {
    readonly wallMs: number;
    readonly wireMs: number;
    /** The client's gap: from an answer's last byte taken in to the next request sent. */
    readonly oursMs: number;
    /** The rest: from a request sent to its answer taken in, less both frames' wire time. */
    readonly turnaroundMs: number;
    /** Of that, the simulator's own: a request's last byte taken in to its answer written. */
    readonly simulatorMs: number;
    /** The rig's own: the bridge's wake-up on each write, and how late it handed chunks on against their due times (it measures that itself). */
    readonly rigMs: number;
    /** The rest of the turnaround: both ends' serial read path (kernel tty layer, serialport, waking each process). */
    readonly readPathMs: number;
  };
  /** (wall − the rig's own time) / wire: the session on an ideal line of this speed, our drivers included. */
  readonly withoutRigRatio: number;
}

/** The meter's end of the line with a stopwatch: from the last chunk taken in to the next write; and when it wrote. */
function timedMeterEnd(inner: Transport): { readonly transport: Transport; readonly turnaroundMs: () => number; readonly writesAt: readonly number[] } {
  let lastIn: number | undefined;
  let total = 0;
  const writesAt: number[] = [];
  return {
    turnaroundMs: () => total,
    writesAt,
    transport: {
      label: inner.label,
      close: () => inner.close(),
      onClose: (listener) => inner.onClose(listener),
      onData(listener) {
        inner.onData((chunk) => {
          lastIn = performance.now();
          listener(chunk);
        });
      },
      write(bytes) {
        const now = performance.now();
        if (lastIn !== undefined) total += now - lastIn;
        lastIn = undefined;
        writesAt.push(now);
        return inner.write(bytes);
      },
    },
  };
}

/** The session's bytes and exchanges, and the time off the wire on either side, from the client's trace. */
function fromTrace(trace: readonly { dir: string; at: number; bytes?: Uint8Array }[], baud: number) {
  let bytes = 0;
  let exchanges = 0;
  // A tx record is made as the frame goes onto the line, an rx record when its last byte has
  // been taken in. Ours: from an answer in to the next request out. The other side's and the
  // line's: from a request out to its answer in, less both frames' wire time.
  let oursMs = 0;
  let turnaroundMs = 0;
  let last: { dir: string; at: number; n: number } | undefined;
  for (const r of trace) {
    if (r.dir === 'event') continue;
    const n = r.bytes?.length ?? 0;
    bytes += n;
    if (r.dir === 'tx') exchanges++;
    if (last?.dir === 'rx' && r.dir === 'tx') oursMs += r.at - last.at;
    if (last?.dir === 'tx' && r.dir === 'rx') turnaroundMs += r.at - last.at - wireMs(last.n, baud) - wireMs(n, baud);
    last = { dir: r.dir, at: r.at, n };
  }
  return { bytes, exchanges, oursMs, turnaroundMs };
}

/**
 * Two sessions, each on a new bridge and simulator, in this process: the first warms the code
 * (the client's, the simulator's, the serial driver's: V8 compiles what has run often) and is
 * reported beside the second, which gives the figures: a meter's firmware and a long-running
 * client are not interpreted code, but the first session of a process is.
 */
export async function measureWireSpeed(baud: number, gets: number): Promise<WireSpeedFigures> {
  const first = await measureSession(baud, gets);
  const warm = await measureSession(baud, gets);
  return { ...warm, firstSessionRatio: first.ratio };
}

async function measureSession(baud: number, gets: number): Promise<Omit<WireSpeedFigures, 'firstSessionRatio'>> {
  const bridge = await startLineBridge(baud);
  let stats: BridgeStats | undefined;
  let session: { wallMs: number; simulatorMs: number; clientWritesAt: number[]; meterWritesAt: readonly number[] } & ReturnType<typeof fromTrace>;
  try {
    const meterEnd = await openSerial({ path: bridge.meterEnd, baudRate: baud, timeoutMs: 2000 });
    const sim = createSimulator({ framing: 'hdlc' });
    const timed = timedMeterEnd(meterEnd);
    sim.serveTransport(timed.transport);
    // The trace's times count from the client's creation (its clock's first reading): keep that
    // origin, to set the client's writes beside the bridge's reads in `performance.now()` time.
    let origin: number | undefined;
    const clock = (): number => {
      const t = performance.now();
      origin ??= t;
      return t;
    };
    const client = createClient({
      clock,
      transport: { kind: 'serial', path: bridge.clientEnd, baudRate: baud },
      link: { framing: 'hdlc', serverLogical: 1, serverPhysical: 16, addressSize: 1, responseTimeoutMs: 5000, interFrameTimeoutMs: 500 },
      connectTimeoutMs: 2000,
      connectRetries: 0,
    });
    try {
      const t0 = performance.now();
      const a = await client.associate({ name: 'public', clientSap: 16, referencing: 'ln', authentication: 'none' });
      if (a.kind !== 'accepted') throw new Error(`wire-speed bench: association not accepted (${a.kind})`);
      for (let i = 0; i < gets; i++) {
        const o = await client.get(LOGICAL_DEVICE_NAME);
        if (o.kind !== 'data') throw new Error(`wire-speed bench: GET gave ${o.kind}`);
      }
      await client.release();
      await client.disconnect();
      const wallMs = performance.now() - t0;
      session = {
        wallMs,
        simulatorMs: timed.turnaroundMs(),
        clientWritesAt: client.trace.filter((r) => r.dir === 'tx').map((r) => r.at + origin!),
        meterWritesAt: timed.writesAt,
        ...fromTrace(client.trace, baud),
      };
    } finally {
      await client.disconnect();
      await sim.stop();
      await meterEnd.close();
    }
  } finally {
    stats = await bridge.stop();
  }
  const { wallMs, simulatorMs, bytes, exchanges, oursMs, turnaroundMs } = session;
  // A bridge that could not say (killed) leaves the rig's share unknown, not zero.
  const rigMs = stats
    ? stats.lateMs + bridgeWakeMs(session.clientWritesAt, stats.readsAt.toMeter) + bridgeWakeMs(session.meterWritesAt, stats.readsAt.toClient)
    : Number.NaN;
  const wire = wireMs(bytes, baud);
  return {
    baud,
    exchanges,
    bytes,
    wallMs,
    wireMs: wire,
    ratio: wallMs / wire,
    oursRatio: (wire + oursMs) / wire,
    withoutRigRatio: (wallMs - rigMs) / wire,
    perExchange: {
      wallMs: wallMs / exchanges,
      wireMs: wire / exchanges,
      oursMs: oursMs / exchanges,
      turnaroundMs: turnaroundMs / exchanges,
      simulatorMs: simulatorMs / exchanges,
      rigMs: rigMs / exchanges,
      readPathMs: (turnaroundMs - simulatorMs - rigMs) / exchanges,
    },
  };
}
