/**
 * `--parallel N`: N meters at a time, in worker processes (one per core at most, workerCount),
 * each running its share as concurrent tasks through the same code as a sequential batch
 * (runMeter: summary.json, junit.xml and cases.json into the meter's own folder). The parent
 * hands out device ids and collects each meter's verdict; a worker that dies takes only its
 * current meters down (recorded as broken, the harness's fault) and is replaced.
 */
import { type ChildProcess, fork } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../paths';
import type { BatchDevice } from './batch-summary';

export type WorkerRequest = { readonly type: 'run'; readonly id: string };
export type WorkerReply =
  { readonly type: 'done'; readonly id: string; readonly entry: BatchDevice } | { readonly type: 'failed'; readonly id: string; readonly message: string };

export interface WorkerPool {
  /** Runs one device in a free worker (callers keep at most `size` runs in flight). */
  run(id: string): Promise<BatchDevice | { readonly failed: string }>;
  close(): Promise<void>;
}

/** How much of a dying worker's stderr is kept for the meter's reason. */
const STDERR_TAIL = 2000;

const BIN = path.join(REPO_ROOT, 'bin', 'dlmsct.js');

/**
 * A worker allocates a great deal of short-lived garbage per case (frames, traces, Allure
 * messages): a young generation larger than V8's default 16 MB semi-space lets most of it die
 * before a scavenge (bench/batch.bench.ts: about 4% less CPU a meter, within a loaded machine's
 * noise). The parent's own node flags come after these and win.
 */
const WORKER_NODE_FLAGS = ['--max-semi-space-size=64'];

interface Slot {
  child: ChildProcess;
  stderr: string;
  /** Meters running in this worker now, each with what settles it. */
  readonly running: Map<string, (r: BatchDevice | { readonly failed: string }) => void>;
}

/**
 * How many processes carry `size` meters at a time: one per core at most. More meters than
 * processes run as concurrent tasks in each (worker.ts): a process with several links busy
 * rarely sleeps between frames, and a sleep and wake-up per frame exchanged cost a batch more
 * CPU than the frames themselves (bench/batch.bench.ts).
 */
export function workerCount(size: number, cores: number = os.availableParallelism()): number {
  return Math.max(1, Math.min(size, cores));
}

export function startWorkerPool(size: number, runArgs: readonly string[], processes: number = workerCount(size)): WorkerPool {
  const capacity = Math.ceil(size / processes);
  const spawn = (): Slot => {
    const child = fork(BIN, ['run', ...runArgs, '--worker'], {
      execArgv: [...WORKER_NODE_FLAGS, ...workerExecArgv(process.execArgv)],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const slot: Slot = { child, stderr: '', running: new Map() };
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (t: string) => {
      slot.stderr = (slot.stderr + t).slice(-STDERR_TAIL);
    });
    child.on('message', (m: WorkerReply) => {
      const settle = slot.running.get(m.id);
      if (!settle) return;
      slot.running.delete(m.id);
      settle(m.type === 'done' ? m.entry : { failed: m.message });
    });
    child.on('exit', (code: number | null, signal: string | null) => {
      // Every meter it was running is down with it; a fresh worker takes its place so the batch goes on with as many lanes.
      const i = slots.indexOf(slot);
      if (i >= 0 && slot.running.size > 0) slots[i] = spawn();
      const tail = slot.stderr.trim().split('\n').slice(-3).join(' / ');
      for (const settle of slot.running.values())
        settle({ failed: `harness: the worker running this meter exited (${signal ?? `code ${code}`})${tail ? `: ${tail}` : ''}` });
      slot.running.clear();
    });
    return slot;
  };
  const slots: Slot[] = Array.from({ length: processes }, spawn);
  return {
    run(id) {
      // The least busy worker: meters spread evenly over the processes.
      const slot = slots.reduce((a, b) => (b.running.size < a.running.size ? b : a));
      if (slot.running.size >= capacity) return Promise.reject(new Error('worker pool: more runs in flight than workers'));
      return new Promise((resolve) => {
        slot.running.set(id, resolve);
        slot.child.send({ type: 'run', id } satisfies WorkerRequest);
      });
    },
    async close() {
      await Promise.all(
        slots.map(
          (s) =>
            new Promise<void>((resolve) => {
              if (s.child.exitCode !== null || s.child.signalCode !== null) return resolve();
              s.child.once('exit', () => resolve());
              // Closing the channel tells the worker to finish (worker.ts).
              s.child.disconnect();
            }),
        ),
      );
    },
  };
}

/**
 * The parent's node flags, less a TypeScript loader (`-r ts-node/register`: a parent run from
 * the sources, as the bench and the tests are): bin/dlmsct.js loads the compiled CLI, or
 * registers ts-node itself when dist/ is stale, so a worker that also had it registered would
 * only compile its loader for nothing (about a second of CPU each).
 */
export function workerExecArgv(execArgv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const a = execArgv[i] as string;
    if ((a === '-r' || a === '--require') && /^ts-node\//.test(execArgv[i + 1] ?? '')) i++;
    else if (!/^--require=ts-node\//.test(a)) out.push(a);
  }
  return out;
}

/** Arguments for the workers: the run's own, without what only the parent does. */
export function workerArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--parallel' || a === '--shard') i++;
    else if (!a.startsWith('--parallel=') && !a.startsWith('--shard=')) out.push(a);
  }
  return out;
}
