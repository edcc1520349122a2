import { expect } from 'chai';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { builtinSecret } from '../builtin-secrets';
import { parseDeviations } from '../engine/deviations';
import { parseProfile } from '../profile/load';
import { loadSuites } from '../suite/load';
import { parseXml } from '../../test/helpers/xml-parse';
import { exitCodeFor, runDevice } from './run-device';

const SUITE = path.resolve(__dirname, '..', '..', 'suites', 'association', 'logical-device.yaml');
const FILTER = { caseId: 'ASSOC-LOGICAL-DEVICE-NAME' };
const DEVIATIONS = '- case: ASSOC-LOGICAL-DEVICE-NAME\n  expect: { status: failed, reason: \'text "DLM0000000001"\' }\n  reference: FW-1234\n';

function profile(faults: string[] = []) {
  return parseProfile(
    `device: { name: sim }
transport: { kind: builtin, framing: wrapper, faults: [${faults.join(', ')}] }
timeouts: { response: 2s, connect: 2s }
associations: { public: { clientSap: 16, authentication: none } }
expect: { logicalDeviceName: DLM0000000001 }
`,
    'p.yaml',
    { builtinSecrets: builtinSecret },
  );
}

function outputs() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-device-'));
  return { dir, out: { results: path.join(dir, 'allure-results'), junit: path.join(dir, 'junit.xml'), summary: path.join(dir, 'summary.json') } };
}

type Allure = { status: string; labels: { name: string; value: string }[]; statusDetails?: { message?: string } };
function allureResults(dir: string): Allure[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('-result.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Allure);
}

async function run(faults: string[], deviations: string | undefined, mode: 'standard' | 'certification' = 'standard') {
  const { dir, out } = outputs();
  let console = '';
  const r = await runDevice({
    profile: profile(faults),
    suites: loadSuites([SUITE]),
    filter: FILTER,
    mode,
    out,
    console: 'none',
    io: { out: (t) => (console += t), err: (t) => (console += t) },
    ...(deviations === undefined ? {} : { deviations: parseDeviations(deviations, 'deviations.yaml') }),
  });
  if (r.kind !== 'ran') throw new Error(`not run: ${r.message}`);
  const summary = JSON.parse(fs.readFileSync(out.summary, 'utf8')) as {
    mode: string;
    deviations: string | null;
    totals: Record<string, number>;
    cases: { status: string; deviation?: { outcome: string; verdict: string } }[];
  };
  return { r, summary, console, allure: allureResults(out.results), junit: parseXml(fs.readFileSync(out.junit, 'utf8')), dir };
}

describe('runDevice', function () {
  this.timeout(30_000);

  it('reports a known failure as an expected failure: exit 0, counted on its own, skipped in Allure with a deviation label', async () => {
    const { r, summary, console, allure, junit } = await run(['logical-device-name-wrong'], DEVIATIONS);
    expect(r.kind === 'ran' && r.exitCode).to.equal(0);
    expect(junit.attrs).to.deep.include({ tests: '1', failures: '0', errors: '0', skipped: '1' });
    expect(summary.totals).to.deep.include({ failed: 0, 'expected-failure': 1 });
    expect(summary.cases[0]).to.deep.include({ status: 'expected-failure' });
    expect(summary.cases[0]!.deviation).to.deep.include({ outcome: 'expected-failure', verdict: 'failed' });
    expect(summary.deviations).to.equal('deviations.yaml');
    expect(console).to.contain('expected-failure: ASSOC-LOGICAL-DEVICE-NAME: known deviation (FW-1234, deviations.yaml:1:3)');
    expect(allure[0]!.status).to.equal('skipped');
    expect(allure[0]!.labels).to.deep.include.members([
      { name: 'verdict', value: 'failed' },
      { name: 'deviation', value: 'expected-failure' },
    ]);
  });

  it('fails the run when a known failure now passes, so the stale entry gets removed', async () => {
    const { r, summary, allure, junit } = await run([], DEVIATIONS);
    expect(r.kind === 'ran' && r.exitCode).to.equal(1);
    expect(junit.attrs).to.deep.include({ tests: '1', failures: '1', errors: '0', skipped: '0' });
    expect(summary.totals).to.deep.include({ passed: 0, 'unexpected-pass': 1 });
    expect(allure[0]!.status).to.equal('failed');
    expect(allure[0]!.statusDetails?.message).to.contain('remove the entry');
  });

  it('keeps the verdict failed when the case fails for another reason than the entry expects', async () => {
    const { r, summary, allure } = await run(['logical-device-name-wrong'], DEVIATIONS.replace('DLM0000000001', 'SOMETHING ELSE'));
    expect(r.kind === 'ran' && r.exitCode).to.equal(1);
    expect(summary.cases[0]).to.deep.include({ status: 'failed' });
    expect(summary.cases[0]!.deviation).to.deep.include({ outcome: 'mismatch' });
    expect(allure[0]!.status).to.equal('failed');
    expect(allure[0]!.statusDetails?.message).to.contain('this verdict differs, so it stands');
  });

  it('records the mode of the run in summary.json', async () => {
    const { summary } = await run([], undefined, 'certification');
    expect(summary.mode).to.equal('certification');
    expect(summary.deviations).to.equal(null);
    expect(summary.totals).to.deep.include({ passed: 1 });
  });

  it('says a device is unreachable, without running a case', async () => {
    const port = await closedPort();
    const p = parseProfile(
      `device: { name: m }\ntransport: { kind: tcp, host: 127.0.0.1, port: ${port}, framing: wrapper }\ntimeouts: { connect: 300ms }\nassociations: { public: { clientSap: 16, authentication: none } }\n`,
      'p.yaml',
    );
    const { out } = outputs();
    const r = await runDevice({
      profile: p,
      suites: loadSuites([SUITE]),
      filter: FILTER,
      mode: 'standard',
      out,
      console: 'none',
      io: { out: () => undefined, err: () => undefined },
    });
    expect(r).to.deep.include({ kind: 'unreachable', target: `tcp 127.0.0.1:${port}` });
    expect(fs.existsSync(out.summary)).to.equal(false);
  });

  it('exits 3 only when every judged case broke on an unreachable device', () => {
    const base = {
      id: 'A',
      caseId: 'A',
      title: '',
      suite: '',
      spec: '',
      requirement: '',
      tags: [],
      detects: [],
      associations: [],
      remarks: [],
      durationMs: 0,
      steps: [],
      trace: [],
    };
    expect(
      exitCodeFor([
        { ...base, status: 'broken', code: 'UNREACHABLE' },
        { ...base, status: 'inapplicable' },
      ]),
    ).to.equal(3);
    expect(
      exitCodeFor([
        { ...base, status: 'broken', code: 'UNREACHABLE' },
        { ...base, status: 'passed' },
      ]),
    ).to.equal(1);
    expect(
      exitCodeFor([
        { ...base, status: 'failed', reported: 'expected-failure' },
        { ...base, status: 'passed' },
      ]),
    ).to.equal(0);
  });

  it('keeps the exit code of a passed run when cases passed with remarks', () => {
    const base = {
      id: 'A',
      caseId: 'A',
      title: '',
      suite: '',
      spec: '',
      requirement: '',
      tags: [],
      detects: [],
      associations: [],
      durationMs: 0,
      steps: [],
      trace: [],
    };
    const remarks = [{ text: 'hardware-fault refuses it; object-undefined is preferred', clause: 'docs/decisions/expectation-review.md' }];
    expect(
      exitCodeFor([
        { ...base, remarks, status: 'passed-with-remarks' },
        { ...base, remarks: [], status: 'passed' },
      ]),
    ).to.equal(0);
    expect(
      exitCodeFor([
        { ...base, remarks, status: 'passed-with-remarks' },
        { ...base, remarks: [], status: 'failed' },
      ]),
    ).to.equal(1);
  });

  it('keeps a passed case lean in a batch (JSON trace, no SVG or pcapng) and a failed case whole', async () => {
    const attachments = async (faults: string[]) => {
      const { out } = outputs();
      const io = { out: () => undefined, err: () => undefined };
      await runDevice({
        profile: profile(faults),
        suites: loadSuites([SUITE]),
        filter: FILTER,
        mode: 'standard',
        out,
        console: 'none',
        io,
        detail: 'lean-when-passed',
      });
      // allure-mocha files an attachment as a step of its own holding it.
      type Attached = { attachments?: { name: string }[]; steps?: Attached[] };
      const names = (x: Attached): string[] => [...(x.attachments ?? []).map((a) => a.name), ...(x.steps ?? []).flatMap(names)];
      const [result] = allureResults(out.results) as (Allure & Attached)[];
      return names(result!);
    };
    const passed = await attachments([]);
    expect(passed).to.include('frame trace (JSON)');
    expect(passed).to.not.include.members(['timeline (SVG)']);
    expect(passed).to.not.include.members(['trace.pcapng']);
    expect(await attachments(['logical-device-name-wrong'])).to.include.members(['frame trace (JSON)', 'timeline (SVG)', 'trace.pcapng']);
  });
});

async function closedPort(): Promise<number> {
  return new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}
