/**
 * A connected pair of pseudo-terminals made by socat (TOOLCHAIN.md, Serial): what one end writes
 * the other end reads, through the kernel's tty layer, so the serial driver is tested on a real
 * file descriptor with real termios. A pty carries bytes but emulates neither baud timing nor
 * parity.
 *
 * socat is a system package (scripts/setup.sh installs it). Where it is missing, tests that need
 * it are skipped with the reason in their titles, never failed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface PtyPair {
  /** The two ends: symbolic links to /dev/pts/N inside a private temporary folder. */
  readonly a: string;
  readonly b: string;
  /** Kills socat by its PID (bounded) and removes the temporary folder. Never throws. */
  stop(): Promise<void>;
}

export const SOCAT_MISSING_REASON = 'socat is not installed (scripts/setup.sh installs it)';

let socatKnown: boolean | undefined;

export function socatAvailable(): boolean {
  if (socatKnown === undefined) {
    const probe = spawnSync('socat', ['-V'], { stdio: 'ignore', timeout: 5000 });
    socatKnown = probe.error === undefined && probe.status === 0;
  }
  return socatKnown;
}

/**
 * For a `before` hook: skips the whole suite when socat is missing. mocha's `skip()` takes no
 * reason, so the reason goes into the title of every test it skips, where reporters show it.
 */
export function skipWithoutSocat(ctx: Mocha.Context): void {
  if (socatAvailable()) return;
  const suite = ctx.runnable().parent;
  const mark = (s: Mocha.Suite | undefined): void => {
    if (!s) return;
    for (const t of s.tests) t.title += ` [skipped: ${SOCAT_MISSING_REASON}]`;
    for (const child of s.suites) mark(child);
  };
  mark(suite);
  ctx.skip();
}

export interface PtyPairOptions {
  /** Bound on socat creating both links; default 3000 ms. */
  readonly startTimeoutMs?: number;
}

/** Starts socat and resolves once both links exist; rejects (and cleans up) when it cannot. */
export async function startPtyPair(opts: PtyPairOptions = {}): Promise<PtyPair> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-pty-'));
  const a = path.join(dir, 'ttyA');
  const b = path.join(dir, 'ttyB');
  const child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (s: string) => {
    // Keep only the start: `-d -d` logs every transfer, and a long test must not grow this.
    if (stderr.length < 4000) stderr += s;
  });
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = `socat exited (${signal ?? `code ${code}`}): ${stderr.trim()}`;
  });
  child.once('error', (e) => {
    exited = `socat could not start: ${e.message}`;
  });

  const stop = async (): Promise<void> => {
    await killBounded(child, 2000);
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (opts.startTimeoutMs ?? 3000);
  try {
    await pollUntil(
      () => {
        if (exited !== undefined) throw new Error(exited);
        return fs.existsSync(a) && fs.existsSync(b);
      },
      deadline,
      `socat did not create ${a} and ${b}`,
    );
  } catch (e) {
    await stop();
    throw e;
  }
  return { a, b, stop };
}

/**
 * Polls `ready` until it holds, or rejects at `deadline`. socat announces its links only in
 * its log, and the files are the thing we need, so the files are what we wait for: a bounded
 * poll, not a fixed sleep.
 */
function pollUntil(ready: () => boolean, deadline: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      try {
        if (ready()) {
          resolve();
          return;
        }
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
        return;
      }
      if (Date.now() >= deadline) {
        reject(new Error(`${what} in time`));
        return;
      }
      setTimeout(check, 5);
    };
    check();
  });
}

/** SIGTERM by PID, then SIGKILL if socat is still there after `ms`; resolves once it has exited. */
function killBounded(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const hard = setTimeout(() => {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, ms);
    const giveUp = setTimeout(() => resolve(), ms * 2);
    child.once('exit', () => {
      clearTimeout(hard);
      clearTimeout(giveUp);
      resolve();
    });
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      clearTimeout(hard);
      clearTimeout(giveUp);
      resolve();
    }
  });
}

/**
 * Collects what `transport` receives until `n` bytes have come, rejecting after `timeoutMs`
 * with how many had arrived. Registers (replaces) the transport's data listener.
 */
export function receiveBytes(transport: { onData(listener: (chunk: Uint8Array) => void): void }, n: number, timeoutMs: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const out = new Uint8Array(n);
    let got = 0;
    const timer = setTimeout(() => reject(new Error(`received ${got} of ${n} bytes within ${timeoutMs} ms`)), timeoutMs);
    transport.onData((chunk) => {
      const room = Math.min(chunk.length, n - got);
      out.set(chunk.subarray(0, room), got);
      got += chunk.length;
      if (got >= n) {
        clearTimeout(timer);
        if (got > n) reject(new Error(`received ${got} bytes where ${n} were expected`));
        else resolve(out);
      }
    });
  });
}
