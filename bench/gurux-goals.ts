/**
 * Issue 11's client goals against the independent meter (../shared/meters/gurux-cpp), measured
 * in one run against one meter process: dlmsct's client CPU per exchange (≤ 30 µs), and its
 * read of the meter against the independent C client that comes with the meter's source (the
 * Gurux example client, built by scripts/build-gurux-client.sh into out/; ≤ 1.0× its time).
 *
 * Same work on both sides: the C client reads the object list, every attribute but the Profile
 * generic buffers (of those it reads a row and a range), so dlmsct reads the object list and
 * every readable attribute but the buffers. The C client is timed as a whole process (start-up
 * included: that is how it is used); dlmsct in process, warm, as a harness reads many meters.
 * Each side runs RUNS times per placement (placement.ts: free, and the meter, dlmsct and the C
 * client on one core; the placements alternate run by run), the two sides alternating (the C
 * client, cheap to run, C_RUNS_PER_RUN times as often: its figure beyond start-up is a
 * difference of two whole-process times), and the medians
 * are reported; the exchanges are counted from each side's own trace (the C client's `-t Verbose`
 * lines).
 *
 * The C client runs with TZ set (docs/decisions/bench-c-client-cpu.md): with TZ unset, glibc
 * looks at /etc/localtime again at each of the client's date conversions (about 150 a exchange,
 * its date-time objects), which multiplied its CPU beyond start-up by 4–8 on this machine and made
 * the comparison one with the environment rather than with the client.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findMeter, freePortBase, PORT_OFFSET, startMeter } from '../test/interop/gurux-meter';
import { buildC } from './c-floor';
import { measureFloors, placementsFor, type Floors } from './floors';
import { readMeter } from './meter-read';
import { FLOOR_EXCHANGES } from './node-floor';
import { pinSupport, placed, PLACEMENTS, type Placement } from './placement';
import { median } from './runner';
import { writeTcpProfile } from './tcp-profile';

const ROOT = path.resolve(__dirname, '..');
const BUILD_SCRIPT = path.join(ROOT, 'scripts', 'build-gurux-client.sh');
const BUILD_DIR = path.join(ROOT, 'out', 'gurux-c-client');
/** The library takes minutes on two cores; bounded all the same. */
const BUILD_TIMEOUT_MS = 15 * 60_000;
const RUN_TIMEOUT_MS = 60_000;
/** Unmeasured reads by dlmsct before the measured ones (a read takes some 50 ms). */
const DLMSCT_WARM_UP_READS = 20;
/** Whole-process runs of the C client (full read and one attribute, alternating) for each dlmsct read. */
const C_RUNS_PER_RUN = 3;
/**
 * The zone the C client runs in: the caller's, else the system's named explicitly (the same zone,
 * read once rather than at each localtime() call).
 */
const C_ENV: NodeJS.ProcessEnv = { ...process.env, TZ: process.env.TZ ?? ':/etc/localtime' };
export type Framing = 'hdlc' | 'wrapper';

export interface GuruxFigures {
  readonly framing: Framing;
  readonly placement: Placement;
  readonly cClient: {
    readonly exchanges: number;
    readonly wallMs: number;
    readonly cpuMs: number;
    /** CPU per exchange beyond its start-up: (full read − a read of one attribute) / (their exchanges' difference), of the medians. */
    readonly marginalCpuUs: number;
    /** The same from the least CPU of each kind of run: the least disturbed by other processes. */
    readonly marginalCpuUsLeast: number;
    readonly runs: number;
  };
  readonly dlmsct: { readonly exchanges: number; readonly attributes: number; readonly wallMs: number; readonly cpuMs: number; readonly errors: number };
}

export type GuruxOutcome =
  | {
      readonly kind: 'measured';
      readonly runs: number;
      /** Per framing and placement; none for a placement that could not be set up (floors.support says why). */
      readonly figures: readonly GuruxFigures[];
      /** What any client pays per exchange with this meter now: Node's and C's bare round trips (wrapper), under both placements. */
      readonly floors: Floors;
      /** How the C client's CPU was read: its resolution, and why not the finer one. */
      readonly cpuClock: string;
    }
  | { readonly kind: 'not-measured'; readonly reason: string };

/** The C client's binary, built if need be; or why it cannot be. */
export function cClient(meterDir: string): { bin: string } | { reason: string } {
  const tar = path.join(meterDir, 'source.tar.xz');
  if (!fs.existsSync(tar)) return { reason: `${tar} is absent: no source to build the C client from` };
  const r = spawnSync('bash', [BUILD_SCRIPT, tar, BUILD_DIR], { encoding: 'utf8', timeout: BUILD_TIMEOUT_MS });
  if (r.status !== 0) return { reason: r.stderr.trim().split('\n').pop() || `build failed (${r.error?.message ?? `exit ${r.status}`})` };
  return { bin: r.stdout.trim() };
}

function cArgs(base: number, framing: Framing): string[] {
  const port = base + (framing === 'hdlc' ? PORT_OFFSET.lnHdlc : PORT_OFFSET.lnWrapper);
  // Client SAP 16 (public, no authentication), server 1; -t Error prints nothing per frame.
  return ['-h', '127.0.0.1', '-p', String(port), '-c', '16', '-s', '1', ...(framing === 'wrapper' ? ['-i', 'WRAPPER'] : [])];
}

/**
 * One whole run of the C client: wall, and its CPU from the shell's `times` (the child's user and
 * system time from getrusage, which Linux scales to the scheduler's nanosecond run time: printed
 * to the millisecond).
 */
function timeC(bin: string, args: readonly string[], cwd: string, rusage: string | undefined): { wallMs: number; cpuMs: number } {
  if (rusage !== undefined) return timeCPrecisely(rusage, bin, args, cwd);
  const t0 = performance.now();
  const r = spawnSync('bash', ['-c', '"$@" -t Error >/dev/null 2>&1 || exit 1; times', 'timed', bin, ...args], {
    cwd,
    env: C_ENV,
    encoding: 'utf8',
    timeout: RUN_TIMEOUT_MS,
  });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`the C client failed: ${r.stderr.trim() || r.error?.message || `exit ${r.status}`}`);
  // `times` prints the shell's own line, then its children's: "0m0.031s 0m0.012s".
  const children = r.stdout.trim().split('\n')[1] ?? '';
  const secs = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return { wallMs, cpuMs: ((secs[0] ?? 0) + (secs[1] ?? 0)) * 1000 };
}

/**
 * The same through bench/c/rusage.c (wait4's rusage: microseconds). The shell's `times` prints
 * milliseconds, and one millisecond over the ~150 exchanges of a read is 6.6 µs an exchange.
 */
function timeCPrecisely(rusage: string, bin: string, args: readonly string[], cwd: string): { wallMs: number; cpuMs: number } {
  const t0 = performance.now();
  const r = spawnSync(rusage, [bin, ...args, '-t', 'Error'], { cwd, env: C_ENV, encoding: 'utf8', timeout: RUN_TIMEOUT_MS });
  const wallMs = performance.now() - t0;
  let child: { status?: number; userUs?: number; sysUs?: number } = {};
  try {
    child = JSON.parse(r.stdout) as typeof child;
  } catch {
    // reported below
  }
  if (r.status !== 0 || child.status !== 0 || child.userUs === undefined || child.sysUs === undefined)
    throw new Error(`the C client failed: ${r.stderr.trim() || r.error?.message || `exit ${child.status ?? r.status}`}`);
  return { wallMs, cpuMs: (child.userUs + child.sysUs) / 1000 };
}

function countExchanges(bin: string, args: readonly string[], cwd: string): number {
  const r = spawnSync(bin, [...args, '-t', 'Verbose'], { cwd, env: C_ENV, encoding: 'utf8', timeout: RUN_TIMEOUT_MS });
  return (r.stdout.match(/^TX:/gm) ?? []).length;
}

function profileFor(dir: string, base: number, framing: Framing): string {
  return writeTcpProfile({
    file: path.join(dir, `gurux-${framing}.yaml`),
    deviceName: 'Gurux C++ example server',
    port: base + (framing === 'hdlc' ? PORT_OFFSET.lnHdlc : PORT_OFFSET.lnWrapper),
    framing,
    // The meter's UA: one-byte server address 1, 128-byte information fields, window 1 (its README).
    hdlc: 'serverLogical: 1, addressSize: 1, maxInfo: 128, window: 1',
  });
}

/** One placement's runs of both clients over one framing: the C client's whole-process runs and dlmsct's reads. */
interface Runs {
  readonly cs: { wallMs: number; cpuMs: number }[];
  readonly ones: { wallMs: number; cpuMs: number }[];
  readonly ds: { wallMs: number; cpuMs: number; exchanges: number; attributes: number; errors: number }[];
}

function figuresOf(framing: Framing, placement: Placement, r: Runs, exchanges: number, oneExchanges: number): GuruxFigures {
  const perExchangeUs = (wholeMs: number, oneMs: number): number => ((wholeMs - oneMs) * 1000) / Math.max(1, exchanges - oneExchanges);
  return {
    framing,
    placement,
    cClient: {
      exchanges,
      wallMs: median(r.cs.map((x) => x.wallMs)),
      cpuMs: median(r.cs.map((x) => x.cpuMs)),
      marginalCpuUs: perExchangeUs(median(r.cs.map((x) => x.cpuMs)), median(r.ones.map((x) => x.cpuMs))),
      marginalCpuUsLeast: perExchangeUs(Math.min(...r.cs.map((x) => x.cpuMs)), Math.min(...r.ones.map((x) => x.cpuMs))),
      runs: r.cs.length,
    },
    dlmsct: {
      exchanges: median(r.ds.map((x) => x.exchanges)),
      attributes: r.ds[0]?.attributes ?? 0,
      wallMs: median(r.ds.map((x) => x.wallMs)),
      cpuMs: median(r.ds.map((x) => x.cpuMs)),
      errors: r.ds.reduce((n, x) => n + x.errors, 0),
    },
  };
}

/**
 * Both clients against one meter process, under both placements (placement.ts), the placements
 * alternating run by run: on one core, the meter, this process and the C client it spawns share
 * one CPU. Then the floors (Node's and C's) against the same meter, under both.
 */
export async function measureAgainstGurux(runs: number, floorRounds: number): Promise<GuruxOutcome> {
  const found = findMeter(ROOT);
  if ('absent' in found) return { kind: 'not-measured', reason: found.absent };
  const c = cClient(found.dir);
  if ('reason' in c) return { kind: 'not-measured', reason: c.reason };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-gurux-bench-'));
  const meter = await startMeter(found.dir, await freePortBase());
  const support = pinSupport();
  const sides = { client: [process.pid], meter: [meter.pid] };
  const timer = buildC('rusage');
  const rusage = timer.kind === 'built' ? timer.bin : undefined;
  try {
    const figures: GuruxFigures[] = [];
    for (const framing of ['hdlc', 'wrapper'] as const) {
      const args = cArgs(meter.base, framing);
      const profile = profileFor(dir, meter.base, framing);
      const exchanges = countExchanges(c.bin, args, dir);
      // The same connection, association and object list, then one attribute only: start-up and set-up.
      const oneArgs = [...args, '-g', '0.0.42.0.0.255:2'];
      const oneExchanges = countExchanges(c.bin, oneArgs, dir);
      // Warm both: the meter's first read of its load profile file, dlmsct's JIT (as warm as on
      // the simulator: one read left the client's code half compiled, 60–90 µs an exchange).
      timeC(c.bin, args, dir, rusage);
      await readMeter({ profile, runs: DLMSCT_WARM_UP_READS, skipBuffers: true });
      const byPlacement: Record<Placement, Runs> = {
        free: { cs: [], ones: [], ds: [] },
        'one-core': { cs: [], ones: [], ds: [] },
        apart: { cs: [], ones: [], ds: [] },
      };
      for (let i = 0; i < runs; i++)
        for (const placement of placementsFor(support, i))
          await placed(placement, support, sides, async () => {
            const r = byPlacement[placement];
            // Spawned while this process is placed: the C client inherits its CPU mask.
            for (let k = 0; k < C_RUNS_PER_RUN; k++) {
              r.cs.push(timeC(c.bin, args, dir, rusage));
              r.ones.push(timeC(c.bin, oneArgs, dir, rusage));
            }
            const read = await readMeter({ profile, runs: 1, skipBuffers: true });
            const a = read.associations[0]!;
            r.ds.push({
              wallMs: a.readAll.wallMs,
              cpuMs: a.readAll.cpuMs,
              exchanges: a.exchangesPerReadAll,
              attributes: a.attributes,
              errors: read.total.errors,
            });
          });
      for (const placement of PLACEMENTS)
        if (byPlacement[placement].ds.length > 0) figures.push(figuresOf(framing, placement, byPlacement[placement], exchanges, oneExchanges));
    }
    const floors = await measureFloors(meter.base + PORT_OFFSET.lnWrapper, [meter.pid], floorRounds, FLOOR_EXCHANGES, support);
    const cpuClock = timer.kind === 'built' ? 'CPU from wait4, µs' : `CPU from the shell's times, ms (${timer.reason})`;
    return { kind: 'measured', runs, figures, floors, cpuClock };
  } finally {
    await meter.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
