/**
 * Where the measuring process and the meter it talks to run, for the CPU-per-exchange figures
 * (docs/decisions/cpu-measurement-conditions.md): as the scheduler places them ('free'), or both
 * on one CPU ('one-core'); the floors also on two CPUs on purpose ('apart'). On a VM, a round trip between two processes on two vCPUs wakes an idle
 * vCPU at each exchange, and that wake-up is charged to the woken process as CPU time; on one CPU
 * the peer is woken where the writer runs. The two conditions are measured in one run, batch by
 * batch alternating, so a change of load touches both alike.
 *
 * Node cannot set a process's affinity itself: util-linux `taskset -a -p` sets it for every
 * thread of a running process (this one, the simulator child, the Gurux meter), and it is given
 * back after each pinned stretch. Children spawned while pinned inherit the mask.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { cpus } from 'node:os';

/** 'apart': this process on one CPU, the meter on another (the floors only: the cross-CPU wake-up, on purpose). */
export type Placement = 'free' | 'one-core' | 'apart';
/** The two conditions of every CPU-per-exchange row. */
export const PLACEMENTS: readonly Placement[] = ['free', 'one-core'];
/** The floors also apart, so each run shows what a wake-up across CPUs costs any client. */
export const FLOOR_PLACEMENTS: readonly Placement[] = ['free', 'one-core', 'apart'];

export type PinSupport =
  | { readonly kind: 'available'; readonly command: string; readonly cpu: number; readonly other: number; readonly allowed: string }
  | { readonly kind: 'unavailable'; readonly reason: string };

const TASKSET_TIMEOUT_MS = 5000;

function run(command: string, args: readonly string[]): { ok: true; out: string } | { ok: false; why: string } {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: TASKSET_TIMEOUT_MS });
  if (r.error !== undefined) {
    const code = (r.error as NodeJS.ErrnoException).code;
    return { ok: false, why: code === 'ENOENT' ? `${command} (util-linux) is not installed` : `${command} ${args.join(' ')}: ${r.error.message}` };
  }
  if (r.status !== 0) return { ok: false, why: `${command} ${args.join(' ')} exited ${r.status}: ${r.stderr.trim().split('\n')[0] ?? ''}` };
  return { ok: true, out: r.stdout };
}

/** "0,2-3" → [0, 2, 3] (the list format of taskset -c). */
export function cpuList(list: string): number[] {
  return list
    .split(',')
    .filter((p) => p !== '')
    .flatMap((part) => {
      const [from, to] = part.split('-').map(Number);
      if (from === undefined || !Number.isInteger(from)) return [];
      const last = to !== undefined && Number.isInteger(to) ? to : from;
      return Array.from({ length: Math.max(0, last - from + 1) }, (_, i) => from + i);
    });
}

/** The CPU list process `pid` may run on ("0-1"), as taskset prints it; throws, with taskset's reason, when it cannot be read. */
export function affinityOf(command: string, pid: number): string {
  const r = run(command, ['-c', '-p', String(pid)]);
  if (!r.ok) throw new Error(`bench: the CPU affinity of process ${pid}: ${r.why}`);
  const list = /list:\s*(\S+)/.exec(r.out)?.[1];
  if (list === undefined) throw new Error(`bench: ${command} -c -p ${pid} printed no affinity list: ${JSON.stringify(r.out.trim())}`);
  return list;
}

function setAffinity(command: string, pid: number, list: string): void {
  const r = run(command, ['-a', '-c', '-p', list, String(pid)]);
  if (!r.ok) throw new Error(`bench: setting the CPU affinity of process ${pid} to ${list}: ${r.why}`);
}

/** Whether 'one-core' and 'apart' can be measured here, on which CPUs; else why not (the row says so). */
export function pinSupport(command = 'taskset'): PinSupport {
  if (process.platform !== 'linux') return { kind: 'unavailable', reason: `affinity is set with taskset, on Linux only (this is ${process.platform})` };
  const probe = run(command, ['-c', '-p', String(process.pid)]);
  if (!probe.ok) return { kind: 'unavailable', reason: probe.why };
  const allowed = /list:\s*(\S+)/.exec(probe.out)?.[1] ?? '';
  const list = cpuList(allowed);
  if (list.length < 2)
    return {
      kind: 'unavailable',
      reason: `this process may run on CPU ${allowed || '?'} only (${cpus().length} in the machine): both placements would be one core`,
    };
  return { kind: 'available', command, cpu: list[0]!, other: list[1]!, allowed };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The processes on each side of an exchange: the measuring one(s) and the meter's. */
export interface Sides {
  readonly client: readonly number[];
  readonly meter: readonly number[];
}

/**
 * Runs `fn` with every thread of each process on one CPU ('one-core'), or the client's on one and
 * the meter's on another ('apart'), then gives each process its own affinity back (a process that
 * has exited meanwhile is left alone). 'free' just runs `fn`.
 */
export async function placed<T>(placement: Placement, support: PinSupport, sides: Sides, fn: () => Promise<T>): Promise<T> {
  if (placement === 'free') return fn();
  if (support.kind === 'unavailable') throw new Error(`bench: cannot place client and meter (${placement}): ${support.reason}`);
  const meterCpu = placement === 'apart' ? support.other : support.cpu;
  const wanted = [...sides.client.map((pid) => ({ pid, cpu: support.cpu })), ...sides.meter.map((pid) => ({ pid, cpu: meterCpu }))];
  const saved = wanted.map(({ pid }) => ({ pid, list: affinityOf(support.command, pid) }));
  try {
    for (const { pid, cpu } of wanted) setAffinity(support.command, pid, String(cpu));
    return await fn();
  } finally {
    for (const { pid, list } of saved) if (alive(pid)) setAffinity(support.command, pid, list);
  }
}

/** The scheduler's counts for one thread (Linux /proc/PID/sched; the main thread of this process by default). */
export interface SchedCounts {
  readonly voluntary: number;
  readonly involuntary: number;
  /** Moves to another CPU; undefined where the kernel does not show them. */
  readonly migrations: number | undefined;
  /** wakeUpInterrupts() and idleEntries(), system-wide; undefined where the kernel does not show them. */
  readonly ipis: number | undefined;
  readonly halts: number | undefined;
}

/**
 * Interrupts by which one CPU makes another run a task it woke, all CPUs: the RES (reschedule) and
 * CAL (function call: how a wake-up is queued to an idle CPU) lines of /proc/interrupts.
 */
export function wakeUpInterrupts(): number | undefined {
  try {
    const text = fs.readFileSync('/proc/interrupts', 'utf8');
    const lines = ['RES', 'CAL'].map((k) => new RegExp(`^\\s*${k}:(.*)$`, 'm').exec(text)?.[1]);
    if (lines.every((l) => l === undefined)) return undefined;
    return lines.reduce((sum, l) => sum + (l?.match(/\b\d+\b/g) ?? []).reduce((a, n) => a + Number(n), 0), 0);
  } catch {
    return undefined;
  }
}

const CPU_SYS = '/sys/devices/system/cpu';

/** Entries into a sleeping idle state (not the polling one), all CPUs: on a VM, a vCPU halted, to be woken by the host. */
export function idleEntries(): number | undefined {
  try {
    let sum = 0;
    for (const cpu of fs.readdirSync(CPU_SYS).filter((d) => /^cpu\d+$/.test(d))) {
      const dir = `${CPU_SYS}/${cpu}/cpuidle`;
      if (!fs.existsSync(dir)) continue;
      for (const state of fs.readdirSync(dir).filter((d) => d.startsWith('state'))) {
        if (fs.readFileSync(`${dir}/${state}/name`, 'utf8').trim() === 'POLL') continue;
        sum += Number(fs.readFileSync(`${dir}/${state}/usage`, 'utf8'));
      }
    }
    return sum;
  } catch {
    return undefined;
  }
}

export function schedCounts(pid: number | 'self' = 'self'): SchedCounts {
  let text = '';
  try {
    text = fs.readFileSync(`/proc/${pid}/sched`, 'utf8');
  } catch {
    // Not Linux, or a kernel without scheduler statistics: getrusage still counts switches.
  }
  const field = (name: string): number | undefined => {
    const m = new RegExp(`^${name.replace('.', '\\.')}\\s*:\\s*(\\d+)`, 'm').exec(text);
    return m ? Number(m[1]) : undefined;
  };
  const usage = process.resourceUsage();
  return {
    voluntary: field('nr_voluntary_switches') ?? usage.voluntaryContextSwitches,
    involuntary: field('nr_involuntary_switches') ?? usage.involuntaryContextSwitches,
    migrations: field('se.nr_migrations'),
    ipis: wakeUpInterrupts(),
    halts: idleEntries(),
  };
}

/** Per exchange, from two counts; also the shape the C floor prints (-1: migrations not shown). */
export interface SchedPerExchange {
  readonly voluntarySwitches: number;
  readonly involuntarySwitches: number;
  readonly migrations: number;
  /** Wake-up IPIs and idle entries per exchange, all CPUs (-1: not shown); counted around the C floor by the bench. */
  readonly ipis: number;
  readonly halts: number;
}

export function schedPerExchange(before: SchedCounts, after: SchedCounts, exchanges: number): SchedPerExchange {
  const n = Math.max(1, exchanges);
  return {
    voluntarySwitches: (after.voluntary - before.voluntary) / n,
    involuntarySwitches: (after.involuntary - before.involuntary) / n,
    migrations: before.migrations === undefined || after.migrations === undefined ? -1 : (after.migrations - before.migrations) / n,
    ipis: before.ipis === undefined || after.ipis === undefined ? -1 : (after.ipis - before.ipis) / n,
    halts: before.halts === undefined || after.halts === undefined ? -1 : (after.halts - before.halts) / n,
  };
}

export function schedNote(s: SchedPerExchange): string {
  const migrations = s.migrations < 0 ? '' : `, ${s.migrations.toFixed(2)} CPU migrations`;
  const all = (x: number, what: string): string => (x < 0 ? '' : `, ${x.toFixed(2)} ${what}`);
  return `${s.voluntarySwitches.toFixed(2)} voluntary switches${migrations}${all(s.ipis, 'wake-up IPIs')}${all(s.halts, 'idle entries')} per exchange (IPIs and idle entries: all CPUs)`;
}
