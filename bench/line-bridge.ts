/**
 * A serial line of a given speed between two pseudo-terminals, for wire-speed truth: a pty pair
 * carries bytes as fast as the kernel copies them, a real line at 9600 Bd carries 960 bytes a
 * second (start bit, 8 data bits, stop bit: 10 bit times per byte). Two socat processes each
 * expose one pty and copy it to and from this process; between them each direction is a `Line`
 * that lets a chunk arrive when its last byte would have, after the bytes queued before it.
 *
 * Timing uses one timer per direction, armed for the next delivery only (no fixed sleeps, no
 * polling). A timer fires at the earliest on its millisecond; deliveries are scheduled at the
 * millisecond floor of their due time, so on average the emulated line is neither slower nor
 * faster than the real one by more than a fraction of a millisecond per chunk.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Start bit + 8 data bits + stop bit (8N1), the usual DLMS serial setting. */
export const BITS_PER_BYTE = 10;
const START_TIMEOUT_MS = 5000;
const STOP_TIMEOUT_MS = 2000;

export function wireMs(bytes: number, baud: number): number {
  return (bytes * BITS_PER_BYTE * 1000) / baud;
}

/** One direction of the line: chunks leave in order, each when its last byte has crossed. */
export class Line {
  private readonly queue: { at: number; chunk: Buffer }[] = [];
  private freeAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly msPerByte: number;

  constructor(
    baud: number,
    private readonly deliver: (chunk: Buffer) => void,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.msPerByte = wireMs(1, baud);
  }

  send(chunk: Buffer): void {
    const start = Math.max(this.clock(), this.freeAt);
    this.freeAt = start + chunk.length * this.msPerByte;
    this.queue.push({ at: this.freeAt, chunk });
    if (this.timer === undefined) this.arm();
  }

  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.queue.length = 0;
  }

  private arm(): void {
    const next = this.queue[0];
    if (next === undefined) return;
    this.timer = setTimeout(() => this.fire(), Math.max(0, Math.floor(next.at - this.clock())));
  }

  private fire(): void {
    this.timer = undefined;
    const now = this.clock();
    while (this.queue.length > 0 && this.queue[0]!.at <= now + 1) this.deliver(this.queue.shift()!.chunk);
    this.arm();
  }
}

export interface LineBridge {
  /** The pty the client opens, and the one the meter (simulator) opens. */
  readonly clientEnd: string;
  readonly meterEnd: string;
  stop(): Promise<void>;
}

function ptyProcess(link: string): ChildProcess {
  return spawn('socat', [`pty,raw,echo=0,link=${link}`, 'STDIO'], { stdio: ['pipe', 'pipe', 'ignore'] });
}

function waitForFiles(files: readonly string[], procs: readonly ChildProcess[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    // Bounded poll for the links socat creates (it announces them only in its log).
    const check = (): void => {
      const dead = procs.find((p) => p.exitCode !== null);
      if (dead) reject(new Error(`socat exited (code ${dead.exitCode}) before creating ${files.join(' and ')}`));
      else if (files.every((f) => fs.existsSync(f))) resolve();
      else if (Date.now() > deadline) reject(new Error(`socat did not create ${files.join(' and ')} within ${timeoutMs} ms`));
      else setTimeout(check, 10);
    };
    check();
  });
}

function killBounded(p: ChildProcess): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      p.kill('SIGKILL');
      resolve();
    }, STOP_TIMEOUT_MS);
    p.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    p.kill('SIGTERM');
  });
}

/** Starts the bridge; needs socat (scripts/setup.sh installs it). */
export async function startLineBridge(baud: number): Promise<LineBridge> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-line-'));
  const clientEnd = path.join(dir, 'client');
  const meterEnd = path.join(dir, 'meter');
  const client = ptyProcess(clientEnd);
  const meter = ptyProcess(meterEnd);
  const toMeter = new Line(baud, (c) => meter.stdin!.write(c));
  const toClient = new Line(baud, (c) => client.stdin!.write(c));
  client.stdout!.on('data', (c: Buffer) => toMeter.send(c));
  meter.stdout!.on('data', (c: Buffer) => toClient.send(c));
  const stop = async (): Promise<void> => {
    toMeter.stop();
    toClient.stop();
    await Promise.all([killBounded(client), killBounded(meter)]);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForFiles([clientEnd, meterEnd], [client, meter], START_TIMEOUT_MS);
  } catch (e) {
    await stop();
    throw e;
  }
  return { clientEnd, meterEnd, stop };
}
