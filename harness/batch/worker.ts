/**
 * The worker side of `--parallel` (worker-pool.ts): a `dlmsct run … --worker` process that has
 * loaded the profile, suites and devices like the parent, then runs the devices the parent
 * names, one at a time, and answers each with the meter's verdict. It ends when the parent
 * closes the channel.
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
  let queue = Promise.resolve();
  process.on('message', (m: WorkerRequest) => {
    if (m?.type !== 'run') return;
    queue = queue.then(async () => {
      const d = opts.devices.devices.find((x) => x.id === m.id);
      if (!d) return void send({ type: 'failed', id: m.id, message: `harness: no device ${m.id} in ${opts.devices.file}` });
      try {
        fs.rmSync(path.join(opts.root, d.id), { recursive: true, force: true });
        const run = await opts.run(opts.profileFor(d), deviceOutputs(opts.root, d.id));
        const entry: BatchDevice = batchDevice(d, run, d.id);
        send({ type: 'done', id: d.id, entry });
      } catch (e) {
        send({ type: 'failed', id: d.id, message: `harness: ${e instanceof Error ? e.message : String(e)}` });
      }
    });
  });
  await new Promise<void>((resolve) => process.once('disconnect', () => resolve()));
  await queue;
  return 0;
}
