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
import { profileForDevice } from '../batch/device-profile';
import { loadDevices } from '../batch/devices';
import { runBatch } from '../batch/run-batch';
import { batchSpread } from '../batch/batch-spread';
import { type DeviceOutputs, exitCodeFor, runDevice } from '../batch/run-device';
import { serveWorker } from '../batch/worker';
import { type CaseFilter, planCases } from '../engine';
import { type DeviationSet, loadDeviations, unusedDeviations } from '../engine/deviations';
import { loadProfile } from '../profile/load';
import type { Profile } from '../profile/types';
import { findSuiteFiles, loadSuites } from '../suite/load';
import { refuseInCertification, refuseProfileDeviations } from './certification';
import { EXIT, type Io, parse, UsageError } from './io';
import { generateReport } from './report';

import { SUITES_DIR } from '../paths';

export { REPO_ROOT, SUITES_DIR } from '../paths';

export { exitCodeFor };

export async function runCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, {
    profile: { type: 'string' },
    suite: { type: 'string' },
    case: { type: 'string' },
    tag: { type: 'string' },
    suites: { type: 'string' },
    results: { type: 'string' },
    junit: { type: 'string' },
    summary: { type: 'string' },
    report: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    deviations: { type: 'string' },
    certification: { type: 'boolean', default: false },
    devices: { type: 'string' },
    parallel: { type: 'string' },
    shard: { type: 'string' },
    golden: { type: 'string' },
    'golden-rules': { type: 'string' },
    // Internal: a worker of a parallel batch (harness/batch/worker.ts).
    worker: { type: 'boolean', default: false },
  });
  if (!values.profile) throw new UsageError('--profile FILE is required (profiles/simulator.yaml runs the built-in simulator)');
  if (values.certification) refuseInCertification(values);
  const mode = values.certification ? 'certification' : 'standard';

  // A batch: every device's profile (own secrets, own addressing); else the profile as it is.
  const devices = values.devices === undefined ? undefined : loadDevices(values.devices);
  const profileFile = values.profile;
  // --golden FILE names the golden sample on the command line, over the profile's golden:.
  const golden = goldenFlag(values.golden, values['golden-rules']);
  const profileFor = devices ? (d: (typeof devices.devices)[number]) => golden(profileForDevice(profileFile, devices, d, { builtinSecrets: builtinSecret })) : undefined;
  const profile: Profile = devices && profileFor ? profileFor(devices.devices[0]!) : golden(loadProfile(profileFile, { builtinSecrets: builtinSecret }));
  if (values.certification && profile.deviations !== undefined) refuseProfileDeviations(profileFile);

  // With a golden sample named, every run also compares the meter with it (docs/acceptance.md).
  const suites = withGolden(loadSuites(findSuiteFiles(values.suites ?? SUITES_DIR)), profile);
  const filter: CaseFilter = {
    ...(values.suite === undefined ? {} : { suite: values.suite }),
    ...(values.case === undefined ? {} : { caseId: values.case }),
    ...(values.tag === undefined ? {} : { tag: values.tag }),
  };
  const planned = planCases(suites, profile, filter);
  if (!planned.length) throw new UsageError(`no case matches ${JSON.stringify(filter)}; \`dlmsct list\` shows the ids`);

  const deviationsFile = values.deviations ?? profile.deviations;
  const deviations: DeviationSet | undefined = deviationsFile === undefined ? undefined : loadDeviations(deviationsFile);
  for (const d of unusedDeviations(deviations, planned)) io.err(`dlmsct run: warning: ${d.at}: deviation "${d.case}" names no case of this run\n`);

  const common = { suites, filter, mode, console: values.quiet ? 'none' : 'spec', io, ...(deviations ? { deviations } : {}) } as const;
  if (devices && profileFor) {
    for (const flag of ['junit', 'summary', 'report'] as const) {
      if (values[flag]) throw new UsageError(`--${flag} is per device in a batch: each device writes <results>/<id>/junit.xml and summary.json (see docs/batch.md)`);
    }
    const root = values.results ?? 'batch-results';
    const run = (p: Profile, out: DeviceOutputs) => runDevice({ ...common, ...(values.worker ? { console: 'none' as const } : {}), profile: p, out });
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

  if (values.parallel !== undefined || values.shard !== undefined) throw new UsageError('--parallel and --shard spread the meters of a batch: they need --devices FILE (docs/batch.md)');
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
