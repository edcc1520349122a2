/**
 * A serial line of a given speed between two pseudo-terminals, for wire-speed truth: a pty pair
 * carries bytes as fast as the kernel copies them, a real line at 9600 Bd carries 960 bytes a
 * second (start bit, 8 data bits, stop bit: 10 bit times per byte). line-bridge.py, one python3
 * process, owns both pty pairs, links their slave ends where the bench opens them, and paces
 * each direction with a monotonic nanosecond clock: a chunk arrives when its last byte would
 * have, after the bytes queued before it, never earlier (the reasons and the rounding are in its
 * header). Python because Node cannot open a pty without a native addon; one process because
 * every hop (the socat processes and pipes of the first version) costs a wake-up per chunk.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Start bit + 8 data bits + stop bit (8N1), the usual DLMS serial setting. */
export const BITS_PER_BYTE = 10;
const START_TIMEOUT_MS = 5000;
const STOP_TIMEOUT_MS = 2000;
const PYTHON = 'python3';
const SCRIPT = path.join(__dirname, 'line-bridge.py');

export function wireMs(bytes: number, baud: number): number {
  return (bytes * BITS_PER_BYTE * 1000) / baud;
}

/** What the bridge says of itself when it stops: the rig's own latency. */
export interface BridgeStats {
  /** Chunks handed on, both directions. */
  readonly deliveries: number;
  /** Their lateness against the time their last byte would have crossed the line, added up, and the largest. */
  readonly lateMs: number;
  readonly maxLateMs: number;
  /** Whether it ran at real-time priority (a busy machine then delays it less; never faster either way). */
  readonly realtime: boolean;
  /** When it read each chunk, in `performance.now()` time: the start of the chunk's line time. */
  readonly readsAt: { readonly toMeter: readonly number[]; readonly toClient: readonly number[] };
}

/**
 * The bridge's wake-ups: from each write at one end to the bridge's read of it, where the chunk's
 * line time starts (on a real line the first bit leaves at the write). Each write is paired with
 * the first read at or after it.
 */
export function bridgeWakeMs(writesAt: readonly number[], readsAt: readonly number[]): number {
  let total = 0;
  let r = 0;
  for (const w of writesAt) {
    while (r < readsAt.length && readsAt[r]! < w) r++;
    if (r < readsAt.length) total += readsAt[r]! - w;
  }
  return total;
}

export interface LineBridge {
  /** The pty the client opens, and the one the meter (simulator) opens. */
  readonly clientEnd: string;
  readonly meterEnd: string;
  /** Ends the bridge; its stats, unless it had to be killed or said something else. */
  stop(): Promise<BridgeStats | undefined>;
}

export const LINE_BRIDGE_MISSING_REASON = 'python3 is not installed (the line-speed bridge bench/line-bridge.py needs it)';

let known: boolean | undefined;

export function lineBridgeAvailable(): boolean {
  if (known === undefined) {
    const probe = spawnSync(PYTHON, ['-c', 'import os, select, tty'], { stdio: 'ignore', timeout: 5000 });
    known = probe.error === undefined && probe.status === 0;
  }
  return known;
}

const NS_PER_MS = 1e6;

/** The bridge's monotonic nanoseconds (CLOCK_MONOTONIC, as `process.hrtime`) in `performance.now()` milliseconds. */
function toPerformanceMs(): (ns: number) => number {
  const offsetNs = Number(process.hrtime.bigint()) - performance.now() * NS_PER_MS;
  return (ns) => (ns - offsetNs) / NS_PER_MS;
}

function numbers(x: unknown): number[] | undefined {
  return Array.isArray(x) && x.every((n) => typeof n === 'number') ? (x as number[]) : undefined;
}

function parseStats(line: string): BridgeStats | undefined {
  try {
    const j = JSON.parse(line) as {
      deliveries?: unknown;
      lateNs?: unknown;
      maxLateNs?: unknown;
      realtime?: unknown;
      readsNs?: { toMeter?: unknown; toClient?: unknown };
    };
    const toMeter = numbers(j.readsNs?.toMeter);
    const toClient = numbers(j.readsNs?.toClient);
    if (typeof j.deliveries !== 'number' || typeof j.lateNs !== 'number' || typeof j.maxLateNs !== 'number' || !toMeter || !toClient) return undefined;
    const at = toPerformanceMs();
    return {
      deliveries: j.deliveries,
      lateMs: j.lateNs / NS_PER_MS,
      maxLateMs: j.maxLateNs / NS_PER_MS,
      realtime: j.realtime === true,
      readsAt: { toMeter: toMeter.map(at), toClient: toClient.map(at) },
    };
  } catch {
    return undefined;
  }
}

/** Resolves on the bridge's "ready" line; rejects, with what it said on stderr, if it exits first or is silent too long. */
function whenReady(bridge: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const done = (e?: Error): void => {
      clearTimeout(timer);
      bridge.stdout!.off('data', onOut);
      bridge.off('exit', onExit);
      bridge.off('error', onError);
      if (e) reject(e);
      else resolve();
    };
    const onOut = (c: Buffer): void => {
      out += c.toString();
      if (out.includes('ready\n')) done();
    };
    const onExit = (code: number | null, signal: string | null): void =>
      done(new Error(`${SCRIPT} exited (${code ?? signal}) before it was ready${err ? `: ${err.trim()}` : ''}`));
    const onError = (e: Error): void => done(new Error(`cannot start ${PYTHON} ${SCRIPT}: ${e.message}`));
    const timer = setTimeout(() => done(new Error(`${SCRIPT} was not ready within ${timeoutMs} ms${err ? `: ${err.trim()}` : ''}`)), timeoutMs);
    bridge.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    bridge.stdout!.on('data', onOut);
    bridge.once('exit', onExit);
    bridge.once('error', onError);
  });
}

/** Closing its stdin ends the bridge (it prints its stats, removes its links); SIGKILL after the bound. */
function stopBounded(p: ChildProcess): Promise<BridgeStats | undefined> {
  if (p.exitCode !== null || p.signalCode !== null) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let out = '';
    p.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => {
      p.kill('SIGKILL');
      resolve(undefined);
    }, STOP_TIMEOUT_MS);
    // 'close', not 'exit': stdout has been read to its end.
    p.once('close', () => {
      clearTimeout(timer);
      resolve(parseStats(out.trim().split('\n').pop() ?? ''));
    });
    p.stdin!.end();
  });
}

/** Starts the bridge; needs python3 (`lineBridgeAvailable()`). */
export async function startLineBridge(baud: number): Promise<LineBridge> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-line-'));
  const clientEnd = path.join(dir, 'client');
  const meterEnd = path.join(dir, 'meter');
  const bridge = spawn(PYTHON, [SCRIPT, '--baud', String(baud), '--client', clientEnd, '--meter', meterEnd], { stdio: ['pipe', 'pipe', 'pipe'] });
  // The bridge's stdin is only its lifeline; a closed pipe there is the bridge having gone.
  bridge.stdin!.on('error', () => undefined);
  const stop = async (): Promise<BridgeStats | undefined> => {
    const stats = await stopBounded(bridge);
    fs.rmSync(dir, { recursive: true, force: true });
    return stats;
  };
  try {
    await whenReady(bridge, START_TIMEOUT_MS);
  } catch (e) {
    await stop();
    throw e;
  }
  return { clientEnd, meterEnd, stop };
}
