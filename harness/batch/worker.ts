/**
 * The worker side of `--parallel` (worker-pool.ts): a `dlmsct run … --worker` process that has
 * loaded the profile, suites and devices like the parent, then runs the devices the parent
 * names, as many at once as it is sent, and answers each with the meter's verdict. It ends,
 * once they are done, when the parent closes the channel.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Profile } from '../profile/types';
import { type BatchDevice, batchDevice } from './batch-summary';
import type { DeviceList, DeviceRow } from './devices';
import { deviceOutputs } from './run-batch';
import type { DeviceOutputs, DeviceRun } from './run-device';
import type { WorkerReply, WorkerRequest } from './worker-pool';

export interface WorkerOptions {
  readonly devices: DeviceList;
  readonly profileFor: (d: DeviceRow) => Profile;
  readonly run: (profile: Profile, out: DeviceOutputs) => Promise<DeviceRun>;
  readonly root: string;
}

export async function serveWorker(opts: WorkerOptions): Promise<number> {
  const send = (m: WorkerReply) => process.send?.(m);
  // Several meters at once (the pool sends as many as it gives this worker): each is its own
  // link, results folder and verdict (run-meter.ts keeps no process-wide state). While one meter
  // waits for its answer, another is worked on, rather than the process sleeping and waking per frame.
  const running = new Set<Promise<void>>();
  process.on('message', (m: WorkerRequest) => {
    if (m?.type !== 'run') return;
    const one = runOne(opts, m.id).then((reply) => void send(reply));
    running.add(one);
    void one.finally(() => running.delete(one));
  });
  await new Promise<void>((resolve) => process.once('disconnect', () => resolve()));
  await Promise.all(running);
  return 0;
}

async function runOne(opts: WorkerOptions, id: string): Promise<WorkerReply> {
  const d = opts.devices.devices.find((x) => x.id === id);
  if (!d) return { type: 'failed', id, message: `harness: no device ${id} in ${opts.devices.file}` };
  try {
    fs.rmSync(path.join(opts.root, d.id), { recursive: true, force: true });
    const run = await opts.run(opts.profileFor(d), deviceOutputs(opts.root, d.id));
    const entry: BatchDevice = batchDevice(d, run, d.id);
    return { type: 'done', id: d.id, entry };
  } catch (e) {
    return { type: 'failed', id: d.id, message: `harness: ${e instanceof Error ? e.message : String(e)}` };
  }
}
