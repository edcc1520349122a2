import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BUILTIN_SECRETS, createSimulator, type Simulator } from '../../simulator';
import type { BatchSummary } from '../batch/batch-summary';
import { main } from '../cli/main';

const profile = (port: number, golden = '') => `device: { name: Golden meter }
transport: { kind: tcp, host: 127.0.0.1, port: ${port}, framing: hdlc }
hdlc: { serverLogical: 1, serverPhysical: 16 }
timeouts: { response: 2s, interFrame: 200ms, connect: 1s }
associations:
  public: { clientSap: 16, authentication: none }
  reader: { clientSap: 1, authentication: low, password: env:DLMSCT_GOLDEN_LLS }
${golden}`;

async function dlmsct(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('the golden-sample case in a batch', function () {
  this.timeout(60_000);
  const sims: Simulator[] = [];
  let dir = '';
  const ports: number[] = [];

  before(async () => {
    process.env['DLMSCT_GOLDEN_LLS'] = BUILTIN_SECRETS['sim-lls'];
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-golden-'));
    for (const faults of [[], [], ['register-scaler-unit-wrong-type']]) {
      const sim = createSimulator({ framing: 'hdlc', faults });
      sims.push(sim);
      ports.push(await sim.listenTcp(0));
    }
  });

  after(async () => {
    delete process.env['DLMSCT_GOLDEN_LLS'];
    await Promise.all(sims.map((s) => s.stop()));
  });

  it('reads the golden sample, then fails the meter whose static configuration differs, naming each difference', async () => {
    fs.writeFileSync(path.join(dir, 'sample.yaml'), profile(ports[0]!));
    const read = await dlmsct(['read', '--profile', path.join(dir, 'sample.yaml'), '--out', path.join(dir, 'golden.json')]);
    expect(read.code, read.err).to.equal(0);
    // The sample differs from itself in nothing, and from the faulty meter in its scalers.
    expect((await dlmsct(['diff', path.join(dir, 'golden.json'), path.join(dir, 'golden.json')])).code).to.equal(0);

    fs.writeFileSync(path.join(dir, 'batch.yaml'), profile(ports[0]!, 'golden: { snapshot: golden.json }\n'));
    fs.writeFileSync(path.join(dir, 'devices.csv'), ['id,serial,port', `m-1,S1,${ports[1]}`, `m-2,S2,${ports[2]}`].join('\n'));
    const root = path.join(dir, 'out');
    const r = await dlmsct([
      'run',
      '--profile',
      path.join(dir, 'batch.yaml'),
      '--devices',
      path.join(dir, 'devices.csv'),
      '--suite',
      'acceptance/*',
      '--results',
      root,
      '--quiet',
    ]);
    expect(r.code, r.err + r.out).to.equal(1);
    const summary = JSON.parse(fs.readFileSync(path.join(root, 'batch-summary.json'), 'utf8')) as BatchSummary;
    expect(summary.devices.map((d) => [d.id, d.verdict, d.reason])).to.deep.equal([
      ['m-1', 'accepted', null],
      ['m-2', 'rejected', 'GOLDEN-SAMPLE[public] (failed), GOLDEN-SAMPLE[reader] (failed)'],
    ]);
    const cases = (JSON.parse(fs.readFileSync(path.join(root, 'm-2', 'summary.json'), 'utf8')) as { cases: { id: string; reason?: string }[] }).cases;
    const reason = cases.find((c) => c.id === 'GOLDEN-SAMPLE[reader]')!.reason!;
    expect(reason).to.contain('3 difference(s)');
    expect(reason).to.contain('[reader] value 1-0:1.8.0.255 (class 3) attribute 3: golden structure{integer 0, enum 30}, meter structure{long 0, long 30}');
  });

  it("compares each meter with the golden sample its devices-file row names, over the batch's --golden", async () => {
    // Each meter's own sample: the faulty meter, compared with a snapshot of itself, matches it.
    const samples = path.join(dir, 'own');
    fs.mkdirSync(samples, { recursive: true });
    for (const [i, name] of [
      [1, 'm-1.json'],
      [2, 'm-2.json'],
    ] as const) {
      fs.writeFileSync(path.join(dir, `own-${i}.yaml`), profile(ports[i]!));
      const read = await dlmsct(['read', '--profile', path.join(dir, `own-${i}.yaml`), '--out', path.join(samples, name)]);
      expect(read.code, read.err).to.equal(0);
    }
    fs.writeFileSync(path.join(dir, 'rows.yaml'), profile(ports[0]!));
    fs.writeFileSync(
      path.join(dir, 'rows.csv'),
      ['id,port,golden', `m-1,${ports[1]},own/m-1.json`, `m-2,${ports[2]},own/m-2.json`, `m-3,${ports[2]},`].join('\n'),
    );
    const root = path.join(dir, 'out-rows');
    // --golden names the clean sample for the batch: m-3 (the faulty meter, no sample of its own) is judged by it.
    const clean = path.join(samples, 'm-1.json');
    const r = await dlmsct([
      'run',
      '--profile',
      path.join(dir, 'rows.yaml'),
      '--devices',
      path.join(dir, 'rows.csv'),
      '--golden',
      clean,
      '--suite',
      'acceptance/*',
      '--results',
      root,
      '--quiet',
    ]);
    const summary = JSON.parse(fs.readFileSync(path.join(root, 'batch-summary.json'), 'utf8')) as BatchSummary;
    expect(
      summary.devices.map((d) => [d.id, d.verdict]),
      r.err,
    ).to.deep.equal([
      ['m-1', 'accepted'],
      ['m-2', 'accepted'],
      ['m-3', 'rejected'],
    ]);
  });
});
