import { expect } from 'chai';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { findSecretLeaks } from '../../reports/redact';
import { BUILTIN_SECRETS, createSimulator, type Simulator } from '../../simulator';
import { main } from '../cli/main';
import type { BatchSummary } from './batch-summary';

/** A profile for meters over TCP whose secrets every device of the batch names itself. */
const PROFILE = `device: { name: Batch meter }
transport: { kind: tcp, host: 127.0.0.1, port: 4059, framing: hdlc }
hdlc: { serverLogical: 1, serverPhysical: 16 }
timeouts: { response: 2s, interFrame: 200ms, connect: 1s }
associations:
  public: { clientSap: 16, authentication: none }
  reader: { clientSap: 1, authentication: low, password: env:TEMPLATE_LLS }
  hls: { clientSap: 50, authentication: hls-md5, password: env:TEMPLATE_HLS }
expect: { logicalDeviceName: SET-PER-DEVICE }
`;

/** The reference meter's development secrets (the same in every simulator), and one the unreachable device alone names. */
const SECRETS = { lls: BUILTIN_SECRETS['sim-lls']!, hls: BUILTIN_SECRETS['sim-hls']!, other: 'only-device-c-9f3a71' };
const ENV: Record<string, string> = {
  DLMSCT_BATCH_A_LLS: SECRETS.lls,
  DLMSCT_BATCH_A_HLS: SECRETS.hls,
  DLMSCT_BATCH_B_LLS: SECRETS.lls,
  DLMSCT_BATCH_B_HLS: SECRETS.hls,
  DLMSCT_BATCH_C_LLS: SECRETS.other,
  DLMSCT_BATCH_C_HLS: SECRETS.other,
};

async function closedPort(): Promise<number> {
  return new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

function allFiles(dir: string): string {
  let text = '';
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) text += fs.readFileSync(path.join(e.parentPath, e.name), 'utf8');
  }
  return text;
}

async function dlmsct(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('dlmsct run --devices (batch acceptance)', function () {
  this.timeout(60_000);
  const sims: Simulator[] = [];
  let dir = '';

  before(() => {
    Object.assign(process.env, ENV);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-batch-'));
    fs.writeFileSync(path.join(dir, 'profile.yaml'), PROFILE);
  });

  after(async () => {
    for (const k of Object.keys(ENV)) delete process.env[k];
    await Promise.all(sims.map((s) => s.stop()));
  });

  async function simulator(faults: string[] = []): Promise<number> {
    const sim = createSimulator({ framing: 'hdlc', faults });
    sims.push(sim);
    return sim.listenTcp(0);
  }

  it('gives each meter its verdict (accepted, rejected, unreachable), its own results, and leaks none of its secrets', async () => {
    const [good, faulty, closed] = [await simulator(), await simulator(['logical-device-name-wrong']), await closedPort()];
    fs.writeFileSync(
      path.join(dir, 'devices.csv'),
      [
        'id,serial,port,serverPhysical,logicalDeviceName,reader.password,hls.password',
        `m-a,SN-0001,${good},16,DLM0000000001,env:DLMSCT_BATCH_A_LLS,env:DLMSCT_BATCH_A_HLS`,
        `m-b,SN-0002,${faulty},16,DLM0000000001,env:DLMSCT_BATCH_B_LLS,env:DLMSCT_BATCH_B_HLS`,
        `m-c,SN-0003,${closed},,DLM0000000001,env:DLMSCT_BATCH_C_LLS,env:DLMSCT_BATCH_C_HLS`,
      ].join('\n'),
    );
    const root = path.join(dir, 'out');
    const r = await dlmsct([
      'run',
      '--profile',
      path.join(dir, 'profile.yaml'),
      '--devices',
      path.join(dir, 'devices.csv'),
      '--suite',
      'association/logical-device',
      '--results',
      root,
      '--quiet',
    ]);
    expect(r.code, r.err).to.equal(1);

    const summary = JSON.parse(fs.readFileSync(path.join(root, 'batch-summary.json'), 'utf8')) as BatchSummary;
    expect(summary.devices.map((d) => [d.id, d.serial, d.verdict])).to.deep.equal([
      ['m-a', 'SN-0001', 'accepted'],
      ['m-b', 'SN-0002', 'rejected'],
      ['m-c', 'SN-0003', 'unreachable'],
    ]);
    expect(summary.totals).to.deep.equal({ accepted: 1, rejected: 1, unreachable: 1, broken: 0 });
    expect(summary.devices[0]!.totals).to.deep.include({ failed: 0, broken: 0 });
    expect(summary.devices[0]!.totals!.passed).to.be.greaterThan(2);
    expect(summary.devices[1]!.reason).to.equal('ASSOC-LOGICAL-DEVICE-NAME (failed)');
    expect(summary.devices[2]).to.deep.include({ target: `tcp 127.0.0.1:${closed}`, totals: null, results: null });
    expect(summary.devices[2]!.reason).to.contain(`device unreachable at tcp 127.0.0.1:${closed}`);

    for (const id of ['m-a', 'm-b']) {
      const one = JSON.parse(fs.readFileSync(path.join(root, id, 'summary.json'), 'utf8')) as { cases: unknown[] };
      expect(fs.existsSync(path.join(root, id, 'junit.xml'))).to.equal(true);
      // One file of cases a meter; its Allure results are made when asked (here by export).
      expect(fs.existsSync(path.join(root, id, 'cases.json'))).to.equal(true);
      expect(fs.existsSync(path.join(root, id, 'allure-results'))).to.equal(false);
      const x = await dlmsct(['export', '--results', path.join(root, id, 'allure-results'), '--out', path.join(dir, `traces-${id}`)]);
      expect(x.code, x.err).to.equal(0);
      expect(fs.readdirSync(path.join(root, id, 'allure-results')).filter((f) => f.endsWith('-result.json'))).to.have.length(one.cases.length);
    }
    expect(fs.existsSync(path.join(root, 'm-c'))).to.equal(false);

    const table = r.out.slice(r.out.indexOf('device  '));
    expect(table).to.match(/^m-a +SN-0001 +\d+ +0 +0 +\d+ +0 +accepted$/m);
    expect(table).to.match(/^m-b +SN-0002 +\d+ +1 +0 +\d+ +0 +rejected$/m);
    expect(table).to.match(/^m-c +SN-0003 +- +- +- +- +- +unreachable$/m);
    expect(r.out.trim().split('\n').pop()).to.equal('1 accepted, 1 rejected, 1 unreachable');

    // The secrets crossed the wire (LLS in the AARQ) or were used (HLS): none may be in any output.
    const secrets = Object.values(SECRETS).map((s) => new TextEncoder().encode(s));
    expect(findSecretLeaks(allFiles(root) + r.out + r.err, secrets)).to.deep.equal([]);
    // And the check can fail: the secret is found where it is written.
    expect(findSecretLeaks(`x ${SECRETS.lls} y`, secrets)).to.have.length(1);
  });

  it('exits 3 when every meter of the batch is unreachable', async () => {
    const [p1, p2] = [await closedPort(), await closedPort()];
    fs.writeFileSync(
      path.join(dir, 'gone.yaml'),
      `- { id: g1, port: ${p1}, reader.password: env:DLMSCT_BATCH_A_LLS, hls.password: env:DLMSCT_BATCH_A_HLS }\n- { id: g2, port: ${p2}, reader.password: env:DLMSCT_BATCH_B_LLS, hls.password: env:DLMSCT_BATCH_B_HLS }\n`,
    );
    const r = await dlmsct([
      'run',
      '--profile',
      path.join(dir, 'profile.yaml'),
      '--devices',
      path.join(dir, 'gone.yaml'),
      '--results',
      path.join(dir, 'gone'),
      '--quiet',
    ]);
    expect(r.code).to.equal(3);
    expect(r.out.trim().split('\n').pop()).to.equal('0 accepted, 0 rejected, 2 unreachable');
  });

  it('refuses a devices file with a secret written inline before reaching any meter (exit 2, located, not echoed)', async () => {
    fs.writeFileSync(path.join(dir, 'inline.csv'), 'id,port,reader.password\nm1,4059,Qz7-literal\n');
    const r = await dlmsct([
      'run',
      '--profile',
      path.join(dir, 'profile.yaml'),
      '--devices',
      path.join(dir, 'inline.csv'),
      '--results',
      path.join(dir, 'inline'),
    ]);
    expect(r.code).to.equal(2);
    expect(r.err).to.contain(`${path.join(dir, 'inline.csv')}:2:9: SECRET_INLINE`);
    expect(r.err + r.out).to.not.contain('Qz7-literal');
    expect(fs.existsSync(path.join(dir, 'inline'))).to.equal(false);
  });

  it('refuses per-run output options that a batch writes per device', async () => {
    fs.writeFileSync(path.join(dir, 'one.csv'), 'id,reader.password,hls.password\nm1,env:DLMSCT_BATCH_A_LLS,env:DLMSCT_BATCH_A_HLS\n');
    const r = await dlmsct(['run', '--profile', path.join(dir, 'profile.yaml'), '--devices', path.join(dir, 'one.csv'), '--junit', 'j.xml']);
    expect(r.code).to.equal(2);
    expect(r.err).to.contain('--junit is per device in a batch');
  });
});
