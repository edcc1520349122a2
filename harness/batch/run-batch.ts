/**
 * Batch acceptance (docs/batch.md): one profile, many meters, a verdict per meter. Every
 * device's profile is built before the first device runs, so a mistake in the devices file is
 * a located configuration error (exit 2), not a surprise at meter 37. Devices then run one after
 * another, each into `<root>/<id>/`; an unreachable meter is recorded as such and the batch
 * goes on.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { totalsLine } from '../../reports/summary';
import type { Io } from '../cli/io';
import type { Profile } from '../profile/types';
import { type BatchDevice, type BatchSummary, batchDevice, batchExitCode, batchTable, buildBatchSummary, writeBatchSummary } from './batch-summary';
import type { DeviceList, DeviceRow } from './devices';
import type { DeviceOutputs, DeviceRun } from './run-device';

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
}

export function deviceOutputs(root: string, id: string): DeviceOutputs {
  const dir = path.join(root, id);
  return { results: path.join(dir, 'allure-results'), junit: path.join(dir, 'junit.xml'), summary: path.join(dir, 'summary.json') };
}

export async function runBatch(opts: BatchOptions): Promise<{ summary: BatchSummary; exitCode: number }> {
  const profiles = opts.devices.devices.map((d) => ({ d, profile: opts.profileFor(d) }));
  fs.mkdirSync(opts.root, { recursive: true });
  const done: BatchDevice[] = [];
  for (const [i, { d, profile }] of profiles.entries()) {
    const who = [d.serial, d.label].filter((x) => x !== undefined).join(', ');
    opts.io.out(`\n== device ${i + 1}/${profiles.length}: ${d.id}${who ? ` (${who})` : ''}\n`);
    // Only this device's folder is replaced: a stale one from an earlier batch must not be read as this run's.
    fs.rmSync(path.join(opts.root, d.id), { recursive: true, force: true });
    const run = await opts.run(profile, deviceOutputs(opts.root, d.id));
    const entry = batchDevice(d, run, d.id);
    opts.io.out(run.kind === 'unreachable' ? `dlmsct: ${d.id} unreachable: ${run.message}\n` : `${d.id}: ${totalsLine(run.summary)}\n`);
    done.push(entry);
  }
  const summary = buildBatchSummary({ profile: opts.profileFile, devicesFile: opts.devices.file, ...opts.meta }, done);
  writeBatchSummary(path.join(opts.root, BATCH_SUMMARY_FILE), summary);
  opts.io.out(`\n${batchTable(summary)}`);
  return { summary, exitCode: batchExitCode(summary) };
}
