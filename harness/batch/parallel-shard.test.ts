import { expect } from 'chai';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Fleet, fleetDevicesCsv, startFleet } from '../../simulator/fleet';
import { main } from '../cli/main';
import { meterFaults } from '../cli/simulate-fleet';
import { REPO_ROOT } from '../paths';
import type { BatchSummary } from './batch-summary';
import { inShard, parseShard, shardOf } from './shard';
import { startWorkerPool, workerCount, workerExecArgv } from './worker-pool';

const PROFILE = `device: { name: Delivered meter }
transport: { kind: tcp, host: 127.0.0.1, port: 4059, framing: hdlc }
hdlc: { serverLogical: 1, serverPhysical: 16 }
timeouts: { response: 2s, interFrame: 200ms, connect: 1s }
associations:
  public: { clientSap: 16, authentication: none }
expect: { logicalDeviceName: SET-PER-DEVICE }
`;
const SUITE = ['--suite', 'association/logical-device'];

async function dlmsct(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** `dlmsct …` as its own process: bounded, its output kept for the failure message. */
function dlmsctProcess(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'dlmsct.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    const timer = setTimeout(() => child.kill(), 170_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

const summaryOf = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'batch-summary.json'), 'utf8')) as BatchSummary;
/** What must agree meter by meter, whichever machine ran the meter. */
const verdicts = (s: BatchSummary) =>
  s.devices.map((d) => ({ id: d.id, serial: d.serial, target: d.target, verdict: d.verdict, reason: d.reason, totals: d.totals }));

describe('batches of many meters: --parallel, --shard and merge', function () {
  this.timeout(180_000);
  let fleet: Fleet;
  let dir = '';
  let profile = '';
  let devices = '';

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-many-'));
    // Six meters, each its own name and serial number; the fourth answers with another name.
    fleet = await startFleet({ count: 6, framing: 'hdlc', faults: meterFaults(['4:logical-device-name-wrong'], undefined, 6) });
    profile = path.join(dir, 'profile.yaml');
    devices = path.join(dir, 'devices.csv');
    fs.writeFileSync(profile, PROFILE);
    fs.writeFileSync(devices, fleetDevicesCsv(fleet));
  });

  after(async () => {
    await fleet?.stop();
  });

  it('runs meters two at a time, each with its own results and verdict, the faulty one rejected among the healthy', async () => {
    const root = path.join(dir, 'parallel');
    const r = await dlmsct(['run', '--profile', profile, '--devices', devices, ...SUITE, '--results', root, '--parallel', '2', '--quiet']);
    expect(r.code, r.out + r.err).to.equal(1);
    const s = summaryOf(root);
    expect(s.devices.map((d) => [d.id, d.serial, d.verdict])).to.deep.equal([
      ['m-0001', 'SIM00000001', 'accepted'],
      ['m-0002', 'SIM00000002', 'accepted'],
      ['m-0003', 'SIM00000003', 'accepted'],
      ['m-0004', 'SIM00000004', 'rejected'],
      ['m-0005', 'SIM00000005', 'accepted'],
      ['m-0006', 'SIM00000006', 'accepted'],
    ]);
    expect(s.devices[3]!.reason).to.equal('ASSOC-LOGICAL-DEVICE-NAME (failed)');
    // Not a TTY: one plain line per meter as it finishes.
    expect(r.out).to.match(/^m-0004: rejected \(.*\): ASSOC-LOGICAL-DEVICE-NAME \(failed\)$/m);
    for (const d of s.devices) {
      expect(fs.existsSync(path.join(root, d.id, 'summary.json')), d.id).to.equal(true);
      expect(fs.existsSync(path.join(root, d.id, 'junit.xml')), d.id).to.equal(true);
      expect(fs.readFileSync(path.join(root, d.id, 'report.html'), 'utf8')).to.contain('ASSOC-LOGICAL-DEVICE-NAME');
    }
    const html = fs.readFileSync(path.join(root, 'batch-report.html'), 'utf8');
    expect(html).to.contain('<a href="m-0004/report.html">m-0004</a>');
    expect(html).to.not.match(/<script|https?:\/\//);
    const csv = fs.readFileSync(path.join(root, 'batch-summary.csv'), 'utf8').trim().split('\r\n');
    expect(csv).to.have.length(7);
    expect(csv[4]).to.match(/^m-0004,SIM00000004,faults: logical-device-name-wrong,tcp 127\.0\.0\.1:\d+,rejected,/);
  });

  it('runs several meters at once in one worker process, each with its own verdict', async () => {
    const root = path.join(dir, 'one-worker');
    const pool = startWorkerPool(3, ['--profile', profile, '--devices', devices, ...SUITE, '--results', root, '--quiet'], 1);
    try {
      const running = ['m-0003', 'm-0004', 'm-0005'].map((id) => pool.run(id));
      // A fourth while three run would be more than the pool was given.
      await pool.run('m-0006').then(
        () => expect.fail('a run beyond the pool size was taken'),
        (e: Error) => expect(e.message).to.contain('more runs in flight than workers'),
      );
      const done = await Promise.all(running);
      expect(done.map((d) => ('failed' in d ? d.failed : [d.id, d.verdict]))).to.deep.equal([
        ['m-0003', 'accepted'],
        ['m-0004', 'rejected'],
        ['m-0005', 'accepted'],
      ]);
    } finally {
      await pool.close();
    }
    for (const id of ['m-0003', 'm-0004', 'm-0005']) expect(fs.existsSync(path.join(root, id, 'cases.json')), id).to.equal(true);
  });

  it('spreads N meters over one process per core at most, and no worker inherits a TypeScript loader it does not need', () => {
    expect([workerCount(16, 2), workerCount(1, 8), workerCount(3, 8)]).to.deep.equal([2, 1, 3]);
    expect(workerExecArgv(['-r', 'ts-node/register', '--max-old-space-size=512', '--require=ts-node/register/transpile-only'])).to.deep.equal([
      '--max-old-space-size=512',
    ]);
  });

  it('splits the devices file into stable shares: four shard processes, merged, equal the unsharded run meter by meter', async () => {
    const whole = path.join(dir, 'whole');
    const r = await dlmsct(['run', '--profile', profile, '--devices', devices, ...SUITE, '--results', whole, '--quiet']);
    expect(r.code, r.err).to.equal(1);

    const shards = [1, 2, 3, 4].map((i) => path.join(dir, `shard-${i}`));
    const runs = await Promise.all(
      shards.map((out, i) =>
        dlmsctProcess(['run', '--profile', profile, '--devices', devices, ...SUITE, '--results', out, '--shard', `${i + 1}/4`, '--quiet']),
      ),
    );
    for (const run of runs) expect(run.code, run.out).to.be.oneOf([0, 1]);
    const ids = shards.map((s) => summaryOf(s).devices.map((d) => d.id));
    expect(ids.flat().sort()).to.deep.equal(['m-0001', 'm-0002', 'm-0003', 'm-0004', 'm-0005', 'm-0006']);
    ids.forEach((share, i) => share.forEach((id) => expect(shardOf(id, 4)).to.equal(i + 1)));

    const merged = path.join(dir, 'merged');
    const m = await dlmsct(['merge', ...shards, '--out', merged]);
    expect(m.code, m.err).to.equal(1);
    expect(verdicts(summaryOf(merged))).to.deep.equal(verdicts(summaryOf(whole)));
    expect(summaryOf(merged).totals).to.deep.equal(summaryOf(whole).totals);
    // Each meter's report is one click from the merged report, where its shard left it.
    const m4 = summaryOf(merged).devices.find((d) => d.id === 'm-0004')!;
    expect(fs.existsSync(path.join(merged, m4.results!, 'report.html'))).to.equal(true);

    // A missing shard is said, and fails the merge.
    const partial = await dlmsct(['merge', ...shards.slice(1), '--out', path.join(dir, 'partial')]);
    expect(partial.code).to.equal(1);
    expect(partial.err).to.contain('shard(s) 1/4 missing');
  });

  it('takes I/N only with 1 <= I <= N, and gives every id exactly one shard', () => {
    expect(parseShard('2/4')).to.deep.equal({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', '2', 'a/b']) expect(() => parseShard(bad), bad).to.throw(/--shard takes I\/N/);
    const ids = Array.from({ length: 200 }, (_, i) => `m-${i}`);
    for (const id of ids) expect([1, 2, 3].filter((i) => inShard(id, { index: i, count: 3 }))).to.have.length(1);
    // Balanced enough that no machine gets nearly all of them.
    for (let i = 1; i <= 3; i++) expect(ids.filter((id) => shardOf(id, 3) === i).length).to.be.within(40, 100);
  });
});
