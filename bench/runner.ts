/**
 * A tiny benchmark runner (no dependency): a warm-up, then timed calls with
 * `process.hrtime.bigint()` and the process CPU time around them. It reports rates; it never
 * judges them. A measured function returns how many units (frames, exchanges, APDUs) it
 * processed, so one call may stand for several units and the result cannot be optimised away.
 */

/** How long to run each benchmark. */
export interface Plan {
  readonly quick: boolean;
  /** Warm-up: call until this much time has passed (at least `warmupCalls` calls). */
  readonly warmupMs: number;
  readonly warmupCalls: number;
  /** Timed part: call until this much time has passed and at least `minCalls` calls were made. */
  readonly targetMs: number;
  readonly minCalls: number;
}

/** About 1 s per benchmark: long enough for a stable rate, short enough for a ~40 s run. */
export const FULL_PLAN: Plan = { quick: false, warmupMs: 200, warmupCalls: 3, targetMs: 1000, minCalls: 10 };
/** A smoke run: every code path once or twice, rates only indicative. */
export const QUICK_PLAN: Plan = { quick: true, warmupMs: 0, warmupCalls: 1, targetMs: 0, minCalls: 3 };

/** Scales a plan's timed part, for benchmarks whose calls are slow (a whole object-list pass). */
export function scaled(plan: Plan, factor: number): Plan {
  return { ...plan, warmupMs: plan.warmupMs * factor, targetMs: plan.targetMs * factor };
}

export interface Measurement {
  readonly calls: number;
  readonly units: number;
  readonly wallNs: bigint;
  /** User + system CPU of the whole process during the timed part, in µs. */
  readonly cpuUs: number;
  /** How much the caller's probe (a counter elsewhere: a child's CPU) grew during the timed part. */
  readonly probeDelta?: number;
}

/** Read just before and just after the timed part, outside the timed window. */
export type Probe = () => number | Promise<number>;

export interface BenchResult {
  /** The file's topic: `codec`, `hdlc-link`, `client-memory`, … */
  readonly group: string;
  readonly name: string;
  /** What one unit is: `frame`, `exchange`, `APDU`, … */
  readonly unit: string;
  readonly units: number;
  readonly seconds: number;
  readonly perSecond: number;
  /** Wall time per unit. */
  readonly usPerUnit: number;
  /** CPU time per unit of this process (see `cpuLabel` for what it includes). */
  readonly cpuUsPerUnit: number;
  /** What the CPU column covers, when it is not simply the code under test. */
  readonly cpuLabel?: string;
  /** Further figures, each named with its unit (`simulatorCpuUsPerExchange`, `bytesPerSecond`). */
  readonly extra?: Readonly<Record<string, number>>;
  readonly note?: string;
}

function cpuNow(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/**
 * Calls `fn` in batches and looks at the clock only between batches, so that reading the clock
 * does not weigh on functions that take a microsecond. The batch doubles while it runs under 2 ms.
 */
export function measureSync(plan: Plan, fn: () => number): Measurement {
  let sink = 0;
  const warmEnd = process.hrtime.bigint() + BigInt(Math.round(plan.warmupMs * 1e6));
  for (let i = 0; i < plan.warmupCalls || process.hrtime.bigint() < warmEnd; i++) sink += fn();
  const target = BigInt(Math.round(plan.targetMs * 1e6));
  let calls = 0;
  let units = 0;
  let batch = 1;
  const cpu0 = cpuNow();
  const t0 = process.hrtime.bigint();
  let elapsed = 0n;
  while (calls < plan.minCalls || elapsed < target) {
    const b0 = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) units += fn();
    calls += batch;
    const now = process.hrtime.bigint();
    elapsed = now - t0;
    if (now - b0 < 2_000_000n && !plan.quick) batch *= 2;
  }
  const cpuUs = cpuNow() - cpu0;
  if (sink < 0) throw new Error('unreachable: keeps the warm-up results alive');
  return { calls, units, wallNs: elapsed, cpuUs };
}

/** The same for asynchronous work (one exchange over a transport): one await per call. */
export async function measureAsync(plan: Plan, fn: () => Promise<number>, probe?: Probe): Promise<Measurement> {
  const warmEnd = process.hrtime.bigint() + BigInt(Math.round(plan.warmupMs * 1e6));
  for (let i = 0; i < plan.warmupCalls || process.hrtime.bigint() < warmEnd; i++) await fn();
  const target = BigInt(Math.round(plan.targetMs * 1e6));
  let calls = 0;
  let units = 0;
  const probe0 = probe === undefined ? 0 : await probe();
  const cpu0 = cpuNow();
  const t0 = process.hrtime.bigint();
  let elapsed = 0n;
  while (calls < plan.minCalls || elapsed < target) {
    units += await fn();
    calls++;
    elapsed = process.hrtime.bigint() - t0;
  }
  const cpuUs = cpuNow() - cpu0;
  if (probe === undefined) return { calls, units, wallNs: elapsed, cpuUs };
  return { calls, units, wallNs: elapsed, cpuUs, probeDelta: (await probe()) - probe0 };
}

export interface ResultInfo {
  readonly group: string;
  readonly name: string;
  readonly unit: string;
  readonly cpuLabel?: string;
  readonly extra?: Readonly<Record<string, number>>;
  readonly note?: string;
}

export function result(info: ResultInfo, m: Measurement): BenchResult {
  const seconds = Number(m.wallNs) / 1e9;
  return {
    group: info.group,
    name: info.name,
    unit: info.unit,
    units: m.units,
    seconds,
    perSecond: m.units / seconds,
    usPerUnit: (seconds * 1e6) / m.units,
    cpuUsPerUnit: m.cpuUs / m.units,
    ...(info.cpuLabel !== undefined && { cpuLabel: info.cpuLabel }),
    ...(info.extra !== undefined && { extra: info.extra }),
    ...(info.note !== undefined && { note: info.note }),
  };
}

/** A group of benchmarks, one per file under bench/. */
export type BenchGroup = (plan: Plan) => Promise<BenchResult[]>;

/** The median of `xs` (the mean of the middle two for an even count); NaN for none. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
