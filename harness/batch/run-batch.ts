/**
 * Batch acceptance (docs/batch.md): one profile, many meters, a verdict per meter. Every
 * device's profile is built before the first device runs, so a mistake in the devices file is
 * a located configuration error (exit 2), not a surprise at meter 37 (on every shard: each one
 * checks the whole file). Devices then run one after another, or `--parallel N` at a time in
 * worker processes (worker-pool.ts), each into `<root>/<id>/`; an unreachable meter is recorded
 * as such and the batch goes on. `--shard I/N` runs this machine's share (shard.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { totalsLine } from '../../reports/summary';
import type { Io } from '../cli/io';
import type { Profile } from '../profile/types';
import { writeBatchFiles } from './batch-files';
import { batchProgress } from './batch-progress';
import {
  type BatchDevice,
  type BatchSummary,
  batchDevice,
  batchExitCode,
  batchTable,
  brokenDevice,
  buildBatchSummary,
  writeBatchSummary,
} from './batch-summary';
import { forEachBounded } from './bounded';
import type { DeviceList, DeviceRow } from './devices';
import type { DeviceOutputs, DeviceRun } from './run-device';
import { inShard, type Shard } from './shard';
import { startWorkerPool } from './worker-pool';

export const BATCH_SUMMARY_FILE = 'batch-summary.json';

export interface BatchOptions {
  readonly profileFile: string;
  readonly devices: DeviceList;
  /** The device's profile (harness/batch/device-profile.ts); throws a ConfigError on a bad row. */
  readonly profileFor: (d: DeviceRow) => Profile;
  /** Runs one device (runDevice with the batch's suites, filter, deviations and mode). */
  readonly run: (profile: Profile, out: DeviceOutputs) => Promise<DeviceRun>;
  /** Results root: `<root>/<id>/…` per device, `<root>/batch-summary.json`. */
  readonly root: string;
  readonly meta: Pick<BatchSummary, 'mode' | 'deviations'>;
  readonly io: Io;
  /** This machine's share of the devices; default all of them. */
  readonly shard?: Shard;
  /** Meters at a time, each in a worker process started with `workerArgs`; default 1 (in this process). */
  readonly parallel?: number;
  readonly workerArgs?: readonly string[];
}

export function deviceOutputs(root: string, id: string): DeviceOutputs {
  const dir = path.join(root, id);
  return { results: path.join(dir, 'allure-results'), junit: path.join(dir, 'junit.xml'), summary: path.join(dir, 'summary.json') };
}

export async function runBatch(opts: BatchOptions): Promise<{ summary: BatchSummary; exitCode: number }> {
  const profiles = opts.devices.devices.map((d) => ({ d, profile: opts.profileFor(d) }));
  const mine = profiles.filter(({ d }) => inShard(d.id, opts.shard));
  fs.mkdirSync(opts.root, { recursive: true });
  if (opts.shard) opts.io.out(`dlmsct: shard ${opts.shard.index}/${opts.shard.count}: ${mine.length} of ${profiles.length} device(s)\n`);
  const parallel = Math.min(opts.parallel ?? 1, mine.length);
  const done = parallel > 1 ? await runParallel(opts, mine, parallel) : await runSequential(opts, mine);
  const summary = buildBatchSummary(
    { profile: opts.profileFile, devicesFile: opts.devices.file, ...opts.meta, ...(opts.shard ? { shard: `${opts.shard.index}/${opts.shard.count}` } : {}) },
    done,
  );
  writeBatchSummary(path.join(opts.root, BATCH_SUMMARY_FILE), summary);
  writeBatchFiles(opts.root, summary);
  opts.io.out(`\n${batchTable(summary)}`);
  return { summary, exitCode: batchExitCode(summary) };
}

type Planned = readonly { readonly d: DeviceRow; readonly profile: Profile }[];

async function runSequential(opts: BatchOptions, mine: Planned): Promise<BatchDevice[]> {
  const done: BatchDevice[] = [];
  for (const [i, { d, profile }] of mine.entries()) {
    const who = [d.serial, d.label].filter((x) => x !== undefined).join(', ');
    opts.io.out(`\n== device ${i + 1}/${mine.length}: ${d.id}${who ? ` (${who})` : ''}\n`);
    // Only this device's folder is replaced: a stale one from an earlier batch must not be read as this run's.
    fs.rmSync(path.join(opts.root, d.id), { recursive: true, force: true });
    const run = await opts.run(profile, deviceOutputs(opts.root, d.id));
    opts.io.out(run.kind === 'unreachable' ? `dlmsct: ${d.id} unreachable: ${run.message}\n` : `${d.id}: ${totalsLine(run.summary)}\n`);
    done.push(batchDevice(d, run, d.id));
  }
  return done;
}

async function runParallel(opts: BatchOptions, mine: Planned, parallel: number): Promise<BatchDevice[]> {
  opts.io.out(`dlmsct: ${mine.length} device(s), ${parallel} at a time\n`);
  const pool = startWorkerPool(parallel, opts.workerArgs ?? []);
  const progress = batchProgress(opts.io, mine.length);
  const done: BatchDevice[] = new Array<BatchDevice>(mine.length);
  try {
    await forEachBounded(mine, parallel, async ({ d, profile }, i) => {
      progress.started(d.id);
      const r = await pool.run(d.id);
      const entry = 'failed' in r ? brokenDevice(d, targetOf(profile), r.failed) : r;
      done[i] = entry;
      progress.finished(entry);
    });
  } finally {
    await pool.close();
  }
  progress.end();
  return done;
}

/** How the device is reached, said as the DUT says it (harness/dut.ts). */
function targetOf(p: Profile): string {
  const t = p.transport;
  return t.kind === 'tcp' ? `tcp ${t.host}:${t.port}` : t.kind === 'serial' ? `serial ${t.path}` : 'built-in simulator';
}
