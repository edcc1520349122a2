import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { findSecretLeaks } from '../../reports/redact';
import { parseXml } from '../../test/helpers/xml-parse';
import { BUILTIN_SECRETS } from '../../simulator/secrets';
import { schemaFiles } from './schemas';
import { loadProfile } from '../profile/load';
import { builtinSecret } from '../builtin-secrets';
import { profileSecrets } from '../client-options';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'dlmsct.js');

function dlmsct(args: string[], opts: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ...opts.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-cli-'));
}

function allText(dir: string): string {
  let text = '';
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) text += fs.readFileSync(path.join(e.parentPath, e.name), 'utf8');
  }
  return text;
}

describe('dlmsct command line', function () {
  this.timeout(120_000);

  it('exits 2 with a located message for a bad profile', () => {
    const dir = tmp();
    const file = path.join(dir, 'bad.yaml');
    fs.writeFileSync(
      file,
      'device: { name: m }\ntransport: { kind: tcp, host: h, port: 4059, framing: hdlc }\nhdlc: { serverLogical: 1 }\nassociations:\n  r: { clientSap: 1, authentication: low, password: hunter2-secret }\n',
    );
    const r = dlmsct(['run', '--profile', file]);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.contain(`${file}:5:53: SECRET_INLINE: expected a secret reference`);
    expect(r.stderr + r.stdout).to.not.contain('hunter2');
  });

  it('exits 2 for an unknown command, a missing option or a case id that matches nothing', () => {
    expect(dlmsct(['frobnicate']).code).to.equal(2);
    expect(dlmsct(['run']).code).to.equal(2);
    const r = dlmsct(['run', '--profile', 'profiles/simulator.yaml', '--case', 'NO-SUCH-CASE']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.contain('no case matches');
  });

  it('exits 3 when the device cannot be reached', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const dir = tmp();
    const file = path.join(dir, 'tcp.yaml');
    fs.writeFileSync(
      file,
      `device: { name: m }\ntransport: { kind: tcp, host: 127.0.0.1, port: ${port}, framing: wrapper }\ntimeouts: { connect: 300ms }\nassociations: { public: { clientSap: 16, authentication: none } }\n`,
    );
    const r = dlmsct(['run', '--profile', file, '--results', path.join(dir, 'r')]);
    expect(r.code).to.equal(3);
    expect(r.stderr).to.contain(`device unreachable at tcp 127.0.0.1:${port}`);
  });

  it('runs the suites against the simulator: exit 0, Allure results, JUnit, summary, HTML report, and no password or key anywhere', () => {
    const dir = tmp();
    const r = dlmsct(
      [
        'run',
        '--profile',
        path.join(ROOT, 'profiles/simulator.yaml'),
        '--results',
        'results',
        '--junit',
        'junit.xml',
        '--summary',
        'summary.json',
        '--quiet',
        '--report',
      ],
      { cwd: dir },
    );
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout.trim().split('\n').pop()).to.match(/^\d+ passed, 0 failed, 0 inconclusive, \d+ inapplicable, 0 broken$/);
    const summary = JSON.parse(fs.readFileSync(path.join(dir, 'summary.json'), 'utf8')) as {
      totals: Record<string, number>;
      cases: { id: string; status: string; reason?: string }[];
    };
    expect(summary.cases.map((c) => c.id)).to.include.members(['ASSOC-OPEN[reader]', 'ASSOC-LLS-WRONG-PASSWORD']);
    // Inapplicable only with a reason (e.g. no method without access to probe in an association that grants every method).
    for (const c of summary.cases.filter((x) => x.status === 'inapplicable')) expect(c.reason, c.id).to.be.a('string').and.not.equal('');
    const skipped = summary.cases.filter((x) => x.status === 'inapplicable').length;
    const junit = fs.readFileSync(path.join(dir, 'junit.xml'), 'utf8');
    expect(parseXml(junit).attrs).to.deep.include({ tests: String(summary.cases.length), failures: '0', errors: '0', skipped: String(skipped) });
    const results = fs.readdirSync(path.join(dir, 'results'));
    expect(results.filter((f) => f.endsWith('-result.json'))).to.have.length(summary.cases.length);
    // Every password and key of the profile (LLS, HLS secret, EK, AK, KEK, ECDSA private keys), in
    // hex (both cases, spaced or not), base64 and text, in every file the run wrote and its console.
    const profile = loadProfile(path.join(ROOT, 'profiles/simulator.yaml'), { env: {}, builtinSecrets: builtinSecret });
    const secrets = profileSecrets(profile).map((s) => s.reveal());
    expect(secrets.length, 'passwords and keys in the profile').to.be.greaterThan(10);
    expect(fs.existsSync(path.join(dir, 'allure-report', 'index.html')) || r.stderr.includes('HTML report was not written'), 'HTML report').to.equal(true);
    const leaks = findSecretLeaks(allText(dir) + r.stdout + r.stderr, [new TextEncoder().encode(BUILTIN_SECRETS['sim-lls']!), ...secrets]);
    expect(leaks).to.deep.equal([]);
  });

  it('exits 1 when the DUT breaks a rule, and says so in every output', () => {
    const dir = tmp();
    const profile = fs
      .readFileSync(path.join(ROOT, 'profiles/simulator.yaml'), 'utf8')
      .replace('framing: hdlc }', 'framing: hdlc, faults: [logical-device-name-wrong] }');
    fs.writeFileSync(path.join(dir, 'faulty.yaml'), profile);
    const r = dlmsct(['run', '--profile', 'faulty.yaml', '--suite', 'association/logical-device', '--results', 'results', '--quiet'], { cwd: dir });
    expect(r.code).to.equal(1);
    const summary = JSON.parse(fs.readFileSync(path.join(dir, 'summary.json'), 'utf8')) as {
      totals: Record<string, number>;
      cases: { id: string; status: string; reason: string }[];
    };
    const ldn = summary.cases.find((c) => c.id === 'ASSOC-LOGICAL-DEVICE-NAME')!;
    expect(ldn.status).to.equal('failed');
    expect(ldn.reason).to.contain('text "DLM0000000001"');
    // A failed verdict is a JUnit failure (mocha's xunit reporter counted it as an error).
    const junit = parseXml(fs.readFileSync(path.join(dir, 'junit.xml'), 'utf8'));
    expect(junit.attrs).to.deep.include({ failures: '1', errors: '0' });
    const failure = junit.children.flatMap((s) => s.children).find((c) => c.attrs['name']?.startsWith('ASSOC-LOGICAL-DEVICE-NAME '))!.children[0]!;
    expect(failure.name).to.equal('failure');
    expect(failure.attrs['message']).to.contain('text "DLM0000000001"');
    const allure = fs
      .readdirSync(path.join(dir, 'results'))
      .filter((f) => f.endsWith('-result.json'))
      .map((f) => JSON.parse(fs.readFileSync(path.join(dir, 'results', f), 'utf8')) as { status: string; labels: { name: string; value: string }[] });
    const failed = allure.find((a) => a.labels.some((l) => l.name === 'story' && l.value === 'ASSOC-LOGICAL-DEVICE-NAME'))!;
    expect(failed.status).to.equal('failed');
    expect(failed.labels).to.deep.include({ name: 'verdict', value: 'failed' });
  });

  it('reports an inapplicable case as skipped with its reason', () => {
    const dir = tmp();
    const profile = fs.readFileSync(path.join(ROOT, 'profiles/simulator.yaml'), 'utf8').replace(/^expect:.*$/m, '');
    fs.writeFileSync(path.join(dir, 'p.yaml'), profile);
    const r = dlmsct(['run', '--profile', 'p.yaml', '--case', 'ASSOC-LOGICAL-DEVICE-NAME', '--results', 'results', '--quiet'], { cwd: dir });
    expect(r.code).to.equal(0);
    const summary = JSON.parse(fs.readFileSync(path.join(dir, 'summary.json'), 'utf8')) as { cases: { status: string; reason: string }[] };
    expect(summary.cases[0]).to.deep.include({
      status: 'inapplicable',
      reason: 'the case compares with expect.logicalDeviceName, which the profile does not state',
    });
    expect(fs.readFileSync(path.join(dir, 'junit.xml'), 'utf8')).to.contain('skipped="1"');
  });

  it('lists suites and cases with their ids', () => {
    const r = dlmsct(['list']);
    expect(r.code).to.equal(0);
    expect(r.stdout).to.match(/^association\/open — /m);
    expect(r.stdout).to.match(/^ {2}ASSOC-LLS-WRONG-PASSWORD +An LLS association/m);
  });

  it('decodes frames given as an argument or as recorded lines on stdin', () => {
    const one = dlmsct(['decode', '7EA0070321930F017E']);
    expect(one.code).to.equal(0);
    expect(one.stdout).to.contain('hdlc    SNRM');
    const lines = fs.readFileSync(path.join(__dirname, '../../test/vectors/recordings/c_hdlc_none.trace'), 'utf8').split('\n').slice(0, 14).join('\n');
    const many = dlmsct(['decode', '--json'], { input: lines });
    expect(many.code).to.equal(0);
    const json = JSON.parse(many.stdout) as { dir: string; layers: { layer: string; summary: string }[] }[];
    expect(json.map((r) => r.dir).slice(0, 2)).to.deep.equal(['tx', 'rx']);
    expect(json[3]!.layers.map((l) => l.layer)).to.deep.equal(['hdlc', 'llc', 'apdu']);
    expect(json[3]!.layers[2]!.summary).to.match(/^AARE accepted/);
  });

  it('ships JSON Schemas that match the loaders', () => {
    for (const [rel, text] of Object.entries(schemaFiles())) {
      expect(fs.readFileSync(path.join(ROOT, rel), 'utf8'), `${rel} is stale: node bin/dlmsct.js schemas`).to.equal(text);
    }
  });
});
