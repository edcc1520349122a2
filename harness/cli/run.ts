/**
 * `dlmsct run`: load the profile and the suites (exit 2 on a located error), reach the device
 * (exit 3 when it cannot be reached), run the cases through mocha with the Allure, console and
 * JUnit reporters, write summary.json, and optionally the HTML report. With `--devices FILE` the
 * same run is made once per meter of a batch (harness/batch/); with `--deviations FILE` (or the
 * profile's `deviations:`) known failures are reported as expected; `--certification` refuses
 * both deviations and any selection of cases.
 */
import { totalsLine } from '../../reports/summary';
import { goldenFlag, withGolden } from '../acceptance/golden-suite';
import { builtinSecret } from '../builtin-secrets';
import { profileForDevice, withDeviceGolden } from '../batch/device-profile';
import { loadDevices } from '../batch/devices';
import { runBatch } from '../batch/run-batch';
import { batchSpread } from '../batch/batch-spread';
import { type DeviceOutputs, exitCodeFor, runDevice } from '../batch/run-device';
import { runMeter } from '../batch/run-meter';
import { serveWorker } from '../batch/worker';
import { type CaseFilter, planCases } from '../engine';
import { type DeviationSet, loadDeviations, unusedDeviations } from '../engine/deviations';
import { DEFAULT_FATAL_AFTER, type FatalPolicy } from '../engine/fatal';
import { loadProfile } from '../profile/load';
import type { Profile } from '../profile/types';
import { refuseInCertification, refuseProfileDeviations } from './certification';
import { EXIT, type Io, parse, UsageError } from './io';
import { generateReport } from './report';
import { selectSuites } from './suite-source';

export { REPO_ROOT, SUITES_DIR } from '../paths';

export { exitCodeFor };

export const RUN_OPTIONS = {
  profile: { type: 'string', value: 'FILE', help: 'the device under test (profiles/simulator.yaml: the built-in simulator); required' },
  suite: { type: 'string', value: 'GLOB|FILE', help: "suites by name ('association/*'), or a suite file of your own (my-suite.yaml)" },
  case: { type: 'string', value: 'ID', help: "cases by id, glob allowed ('ASSOC-OPEN[public]', 'HDLC-*')" },
  tag: { type: 'string', value: 'T', help: 'cases by tag, e.g. a DLMS UA test purpose (APPL_OPEN_1)' },
  suites: { type: 'string', value: 'DIR|FILE', help: 'load suites from this folder or file instead of suites/' },
  results: { type: 'string', value: 'DIR', help: 'Allure results folder, emptied first (default allure-results)' },
  junit: { type: 'string', value: 'FILE', help: 'JUnit XML (default junit.xml)' },
  summary: { type: 'string', value: 'FILE', help: 'summary.json with every verdict (default summary.json)' },
  report: { type: 'boolean', default: false, help: 'also write the single-file HTML report to allure-report/' },
  quiet: { type: 'boolean', default: false, help: 'no per-case console lines, the totals only' },
  deviations: { type: 'string', value: 'FILE', help: 'known deviations, reported as expected-failure (docs/deviations.md)' },
  certification: { type: 'boolean', default: false, help: 'every case, every verdict stands: no filters, no deviations' },
  devices: { type: 'string', value: 'FILE.csv|.yaml', help: 'once per meter of a batch, a verdict each (docs/batch.md)' },
  parallel: { type: 'string', value: 'N', help: 'with --devices: N meters at a time (docs/acceptance.md)' },
  shard: { type: 'string', value: 'I/N', help: "with --devices: this machine's share I of N" },
  golden: { type: 'string', value: 'SNAPSHOT', help: 'also compare each meter with a golden sample (`dlmsct read`), a case per association' },
  'golden-rules': { type: 'string', value: 'FILE', help: 'what may differ from the golden sample' },
  worker: { type: 'boolean', default: false, help: 'internal: a worker of a parallel batch' },
  quick: { type: 'boolean', default: false, help: 'skip long timer cases (e.g. the 120 s HDLC inactivity timeout) as inapplicable, with that reason' },
  'on-fatal': {
    type: 'string',
    default: 'stop',
    value: 'stop|continue',
    help: 'a meter that stops answering: report the remaining cases broken at once (stop), or run them all',
  },
  'fatal-after': {
    type: 'string',
    value: 'N',
    help: `consecutive cases without a byte from the meter that count as a dead meter (default ${DEFAULT_FATAL_AFTER})`,
  },
} as const;

const RUN_ABOUT = {
  summary: 'Run the suites against the device a profile describes.',
  notes: [
    'exit codes: 0 every case passed (or was inapplicable), 1 a case failed or broke, 2 configuration error, 3 device unreachable',
    'examples:',
    '  dlmsct run --profile profiles/simulator.yaml --suite my-suite.yaml',
    "  dlmsct run --profile profiles/my-meter.yaml --suite 'association/*' --case 'ASSOC-OPEN[public]'",
  ],
};

export async function runCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, RUN_OPTIONS, RUN_ABOUT);
  if (!values.profile) throw new UsageError('--profile FILE is required (profiles/simulator.yaml runs the built-in simulator)');
  if (values.certification) refuseInCertification(values);
  const mode = values.certification ? 'certification' : 'standard';

  // A batch: every device's profile (own secrets, own addressing); else the profile as it is.
  const devices = values.devices === undefined ? undefined : loadDevices(values.devices);
  const profileFile = values.profile;
  // --golden FILE names the golden sample on the command line, over the profile's golden:.
  const golden = goldenFlag(values.golden, values['golden-rules']);
  // A device's own golden sample (its devices-file column) is more specific than either: applied last.
  const profileFor = devices
    ? (d: (typeof devices.devices)[number]) =>
        withDeviceGolden(golden(profileForDevice(profileFile, devices, d, { builtinSecrets: builtinSecret })), devices, d)
    : undefined;
  const profile: Profile = devices && profileFor ? profileFor(devices.devices[0]!) : golden(loadProfile(profileFile, { builtinSecrets: builtinSecret }));
  if (values.certification && profile.deviations !== undefined) refuseProfileDeviations(profileFile);

  // With a golden sample named, every run also compares the meter with it (docs/acceptance.md).
  const selection = selectSuites(values);
  // The golden-sample suite is planned when any meter has a sample; a meter without one finds its cases inapplicable.
  const sampled = devices?.devices.find((d) => d.golden !== undefined);
  const suites = withGolden(selection.suites, sampled && profileFor ? profileFor(sampled) : profile);
  const glob = selection.glob;
  const filter: CaseFilter = {
    ...(glob === undefined ? {} : { suite: glob }),
    ...(values.case === undefined ? {} : { caseId: values.case }),
    ...(values.tag === undefined ? {} : { tag: values.tag }),
    ...(values.quick ? { quick: true } : {}),
  };
  const planned = planCases(suites, profile, filter);
  if (!planned.length) throw new UsageError(`no case matches ${JSON.stringify(filter)}; \`dlmsct list\` shows the ids`);

  const deviationsFile = values.deviations ?? profile.deviations;
  const deviations: DeviationSet | undefined = deviationsFile === undefined ? undefined : loadDeviations(deviationsFile);
  for (const d of unusedDeviations(deviations, planned)) io.err(`dlmsct run: warning: ${d.at}: deviation "${d.case}" names no case of this run\n`);

  const fatal = fatalPolicy(values['on-fatal'], values['fatal-after']);
  const common = { suites, filter, mode, fatal, console: values.quiet ? 'none' : 'spec', io, ...(deviations ? { deviations } : {}) } as const;
  if (devices && profileFor) {
    for (const flag of ['junit', 'summary', 'report'] as const) {
      if (values[flag])
        throw new UsageError(`--${flag} is per device in a batch: each device writes <results>/<id>/junit.xml and summary.json (see docs/batch.md)`);
    }
    const root = values.results ?? 'batch-results';
    // A batch keeps passed cases lean: no SVG or pcapng each (`dlmsct export` makes them from the JSON trace).
    // Each meter lean (run-meter.ts): its Allure results are made from its cases.json when asked.
    const run = (p: Profile, out: DeviceOutputs) =>
      runMeter({ ...common, ...(values.worker ? { console: 'none' as const } : {}), detail: 'lean-when-passed', profile: p, out });
    if (values.worker) return serveWorker({ devices, profileFor, run, root });
    const { exitCode } = await runBatch({
      profileFile,
      devices,
      profileFor,
      root,
      meta: { mode, deviations: deviations?.file ?? null },
      io,
      run,
      ...batchSpread(values.parallel, values.shard, args),
    });
    return exitCode;
  }

  if (values.parallel !== undefined || values.shard !== undefined)
    throw new UsageError('--parallel and --shard spread the meters of a batch: they need --devices FILE (docs/batch.md)');
  const out = { results: values.results ?? 'allure-results', junit: values.junit ?? 'junit.xml', summary: values.summary ?? 'summary.json' };
  const run = await runDevice({ ...common, profile, out });
  if (run.kind === 'unreachable') {
    io.err(`dlmsct run: ${run.message}\n`);
    return EXIT.unreachable;
  }
  if (values.report) {
    const code = generateReport(out.results, io);
    if (code !== 0) io.err('dlmsct run: the HTML report was not written (see above)\n');
  }
  io.out(`${totalsLine(run.summary)}\n`);
  return run.exitCode;
}

function fatalPolicy(kind: string, after: string | undefined): FatalPolicy {
  if (kind === 'continue') {
    if (after !== undefined) throw new UsageError('--fatal-after goes with --on-fatal stop');
    return { kind: 'continue' };
  }
  if (kind !== 'stop') throw new UsageError(`--on-fatal must be stop or continue, not ${JSON.stringify(kind)}`);
  const n = after === undefined ? DEFAULT_FATAL_AFTER : Number(after);
  if (!/^\d+$/.test(after ?? '1') || !Number.isInteger(n) || n < 1)
    throw new UsageError(`--fatal-after must be a whole number of cases, 1 or more, not ${JSON.stringify(after)}`);
  return { kind: 'stop', after: n };
}
