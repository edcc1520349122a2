import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { builtinSecret } from '../builtin-secrets';
import { parseDeviations } from '../engine/deviations';
import { parseProfile } from '../profile/load';
import { loadSuites } from '../suite/load';
import { ensureMeterAllure } from './allure-replay';
import { planCases } from '../engine';
import { parametersOf } from '../mocha/run-mocha';
import { METER_CASES_FILE, readMeterCases, writeMeterCases } from './meter-cases';
import { runDevice } from './run-device';
import { runMeter } from './run-meter';

const SUITES = ['logical-device.yaml', 'open.yaml'].map((f) => path.resolve(__dirname, '..', '..', 'suites', 'association', f));
const DEVIATIONS = '- case: ASSOC-LOGICAL-DEVICE-NAME\n  expect: { status: failed, reason: \'text "DLM0000000001"\' }\n  reference: FW-1234\n';

function profile(faults: string[]) {
  return parseProfile(
    `device: { name: sim }
transport: { kind: builtin, framing: hdlc, faults: [${faults.join(', ')}] }
hdlc: { serverLogical: 1, serverPhysical: 16 }
timeouts: { response: 2s, connect: 2s }
associations: { public: { clientSap: 16, authentication: none }, reader: { clientSap: 1, authentication: low, password: builtin:sim-lls } }
expect: { logicalDeviceName: DLM0000000001 }
`,
    'p.yaml',
    { builtinSecrets: builtinSecret },
  );
}

type Allure = {
  name: string;
  status: string;
  labels: { name: string; value: string }[];
  parameters?: unknown[];
  steps?: Allure[];
  attachments?: { name: string }[];
};

/** What a reader of the report sees of each result, without the ids, times and file names that differ run to run. */
function seen(dir: string) {
  const names = (x: Allure): string[] => [...(x.attachments ?? []).map((a) => a.name), ...(x.steps ?? []).flatMap(names)];
  const steps = (x: Allure): string[] => (x.steps ?? []).flatMap((s) => [`${s.name}: ${s.status}`, ...steps(s)]);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('-result.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Allure)
    .map((r) => ({
      name: r.name,
      status: r.status,
      labels: r.labels.filter((l) => !['host', 'thread'].includes(l.name)),
      parameters: r.parameters,
      steps: steps(r),
      attachments: names(r),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function both(faults: string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-meter-'));
  const outOf = (sub: string) => ({
    results: path.join(dir, sub, 'allure-results'),
    junit: path.join(dir, sub, 'junit.xml'),
    summary: path.join(dir, sub, 'summary.json'),
  });
  let said = '';
  const common = {
    suites: loadSuites(SUITES),
    filter: {},
    mode: 'standard' as const,
    console: 'none' as const,
    io: { out: (t: string) => (said += t), err: (t: string) => (said += t) },
    detail: 'lean-when-passed' as const,
    deviations: parseDeviations(DEVIATIONS, 'deviations.yaml'),
  };
  const single = await runDevice({ ...common, profile: profile(faults), out: outOf('single') });
  const lean = await runMeter({ ...common, profile: profile(faults), out: outOf('meter') });
  return { dir, single, lean, said, outOf };
}

describe('a batch meter run lean (runMeter)', function () {
  this.timeout(60_000);
  // One meter run both ways, shared by the first two tests.
  let ran: Awaited<ReturnType<typeof both>>;
  before(async () => {
    ran = await both(['logical-device-name-wrong']);
  });

  it('judges every case as a single run does, and writes its cases to one file instead of Allure results', async () => {
    const { single, lean, outOf } = ran;
    if (single.kind !== 'ran' || lean.kind !== 'ran') throw new Error('not run');
    const verdicts = (r: typeof single) => r.results.map((x) => [x.id, x.reported]);
    expect(verdicts(lean)).to.deep.equal(verdicts(single));
    expect(lean.exitCode).to.equal(single.exitCode);
    expect(lean.results.some((r) => r.reported === 'expected-failure')).to.equal(true);
    const meter = outOf('meter');
    expect(fs.readdirSync(path.dirname(meter.summary)).sort()).to.deep.equal([METER_CASES_FILE, 'junit.xml', 'summary.json']);
    // The same summary.json: mode, deviations, totals and each case's verdict (times and wording of timings differ run to run).
    const shape = (f: string) => {
      const x = JSON.parse(fs.readFileSync(f, 'utf8')) as { mode: string; deviations: unknown; totals: unknown; cases: { id: string; status: string }[] };
      return { mode: x.mode, deviations: x.deviations, totals: x.totals, cases: x.cases.map((c) => [c.id, c.status]) };
    };
    expect(shape(meter.summary)).to.deep.equal(shape(outOf('single').summary));
    expect(readMeterCases(path.join(path.dirname(meter.summary), METER_CASES_FILE)).cases).to.have.length(lean.results.length);
  });

  it('makes the Allure results a single run writes, on demand, from the cases file', async () => {
    // The single run's own results recorded as a batch meter records them, so the replay is compared with the very run.
    const { single, outOf } = ran;
    if (single.kind !== 'ran') throw new Error('not run');
    const p = profile(['logical-device-name-wrong']);
    const suites = loadSuites(SUITES);
    const planned = new Map(planCases(suites, p, {}).map((x) => [x.id, x]));
    const meterDir = path.join(path.dirname(outOf('single').summary), '..', 'replayed');
    writeMeterCases(
      meterDir,
      { device: 'sim', target: single.target, detail: 'lean-when-passed' },
      single.results.map((result) => {
        const s = suites.find((x) => x.suite === result.suite)!;
        return {
          suiteTitle: `${s.suite}: ${s.title}`,
          suiteFile: s.file,
          timeoutMs: 1000,
          parameters: parametersOf(result, planned.get(result.id)!, p),
          result,
        };
      }),
    );
    const results = path.join(meterDir, 'allure-results');
    expect(await ensureMeterAllure(results)).to.equal(true);
    expect(seen(results)).to.deep.equal(seen(outOf('single').results));
    // Made once: a folder that exists is left as it is.
    expect(await ensureMeterAllure(results)).to.equal(false);
    // A folder that is no batch meter's is not touched.
    expect(await ensureMeterAllure(path.join(meterDir, 'elsewhere', 'allure-results'))).to.equal(false);
  });

  it('refuses a cases file that is not one, at its place', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-meter-bad-'));
    const file = path.join(dir, METER_CASES_FILE);
    fs.writeFileSync(file, '{"format": "dlmsct-meter-cases/1",\n "cases": [}');
    expect(() => readMeterCases(file)).to.throw(/cases\.json:\d+:\d+: METER_CASES_JSON: expected JSON/);
    fs.writeFileSync(file, '{"format": "allure"}');
    expect(() => readMeterCases(file)).to.throw(/METER_CASES_FORMAT: expected "format": "dlmsct-meter-cases\/1", got format "allure"/);
  });
});
