/**
 * The independent meter of the interop test (../shared/meters/gurux-cpp/README.md) as a process:
 * found beside the repository, started with its own start.sh in a fresh state folder on a free
 * port base, watched by pid, restarted after a crash, stopped by pid. Nothing here judges it.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { untilExited } from './meter-liveness';

/** Port offsets from the base (README, Run): SN/HDLC, LN/HDLC, SN/wrapper, LN/wrapper. */
export const PORT_OFFSET = { snHdlc: 0, lnHdlc: 1, lnWrapper: 3 } as const;

/** start.sh waits up to 30 s for the four ports; a little more here for a loaded machine. */
const START_BOUND_MS = 45_000;

/** How long a SIGTERM may take before SIGKILL, and how often its exit is looked for. */
const STOP_BOUND_MS = 5000;

/**
 * Where the meter lives: `$DLMSCT_SHARED_METERS/gurux-cpp`, else `../shared/meters/gurux-cpp`
 * beside the repository (or beside the folder of worktrees). Undefined with the reason when absent.
 */
export function findMeter(repoRoot: string): { dir: string } | { absent: string } {
  const candidates = [
    ...(process.env.DLMSCT_SHARED_METERS ? [path.join(process.env.DLMSCT_SHARED_METERS, 'gurux-cpp')] : []),
    path.resolve(repoRoot, '../shared/meters/gurux-cpp'),
    path.resolve(repoRoot, '../../shared/meters/gurux-cpp'),
  ];
  for (const dir of candidates) if (fs.existsSync(path.join(dir, 'start.sh'))) return { dir };
  return { absent: `no independent meter: ${candidates.join(' nor ')} holds start.sh (../shared/meters/ is absent)` };
}

/** A port base whose four ports are free now: the OS picks one free port, its block of four is probed. */
export async function freePortBase(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const p = await listenOnce(0);
    const base = Math.min(p, 65000) - (Math.min(p, 65000) % 4);
    const ok = await Promise.all(
      [0, 1, 2, 3].map((i) =>
        listenOnce(base + i).then(
          () => true,
          () => false,
        ),
      ),
    );
    if (ok.every(Boolean)) return base;
  }
  throw new Error('no four consecutive free TCP ports found in 20 attempts');
}

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(port, '127.0.0.1', () => {
      const a = s.address();
      const got = typeof a === 'object' && a !== null ? a.port : port;
      s.close(() => resolve(got));
    });
  });
}

/**
 * Pids of the meters this process started and has not stopped. The meter runs in its own session
 * (start.sh uses setsid), so it would outlive a test run that ends early (a mocha time-out, an
 * exception): whatever is still running when node exits is sent SIGTERM, by pid.
 */
const running = new Set<number>();
process.once('exit', () => {
  for (const pid of running) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
});

export interface MeterProcess {
  readonly base: number;
  readonly stateDir: string;
  readonly pid: number;
  alive(): boolean;
  /**
   * SIGTERM by pid, resolved once the process is gone (its ports free again; SIGKILL after
   * STOP_BOUND_MS); the state folder is removed unless `keep` (to read its server.log).
   */
  stop(keep?: boolean): Promise<void>;
}

export async function startMeter(meterDir: string, base: number, trace?: 'Verbose'): Promise<MeterProcess> {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-gurux-'));
  const args = [base.toString(), stateDir, ...(trace ? ['-t', trace] : [])];
  const out = await new Promise<string>((resolve, reject) => {
    execFile(path.join(meterDir, 'start.sh'), args, { timeout: START_BOUND_MS }, (err, stdout, stderr) => {
      if (err) reject(new Error(`start.sh ${args.join(' ')}: ${stderr.trim() || err.message}`));
      else resolve(stdout.trim());
    });
  });
  const pid = Number(out);
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`start.sh printed no pid: ${JSON.stringify(out)}`);
  running.add(pid);
  const alive = (): boolean => {
    try {
      process.kill(pid, 0);
    } catch {
      return false;
    }
    // A zombie is dead too: start.sh's child was reparented, so read its state.
    try {
      return !/^\S+ \(.*\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return false;
    }
  };
  return {
    base,
    stateDir,
    pid,
    alive,
    async stop(keep = false) {
      if (alive()) {
        process.kill(pid, 'SIGTERM');
        await untilExited(alive, STOP_BOUND_MS);
        if (alive()) process.kill(pid, 'SIGKILL');
      }
      running.delete(pid);
      if (!keep) fs.rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
