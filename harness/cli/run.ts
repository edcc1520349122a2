/**
 * `dlmsct run`: load the profile and the suites (exit 2 on a located error), reach the device
 * (exit 3 when it cannot be reached), run the cases through mocha with the Allure, console and
 * JUnit reporters, write summary.json, and optionally the HTML report.
 */
import * as path from 'node:path';
import { totalsLine, writeSummary } from '../../reports/summary';
import { builtinSecret } from '../builtin-secrets';
import { startDut } from '../dut';
import { type CaseResult, planCases } from '../engine';
import { runWithMocha } from '../mocha/run-mocha';
import { loadProfile } from '../profile/load';
import { findSuiteFiles, loadSuites } from '../suite/load';
import { EXIT, type Io, parse, UsageError } from './io';
import { generateReport } from './report';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SUITES_DIR = path.join(REPO_ROOT, 'suites');

export async function runCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, {
    profile: { type: 'string' },
    suite: { type: 'string' },
    case: { type: 'string' },
    tag: { type: 'string' },
    suites: { type: 'string' },
    results: { type: 'string', default: 'allure-results' },
    junit: { type: 'string', default: 'junit.xml' },
    summary: { type: 'string', default: 'summary.json' },
    report: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  });
  if (!values.profile) throw new UsageError('--profile FILE is required (profiles/simulator.yaml runs the built-in simulator)');
  const profile = loadProfile(values.profile, { builtinSecrets: builtinSecret });
  const suites = loadSuites(findSuiteFiles(values.suites ?? SUITES_DIR));
  const filter = {
    ...(values.suite === undefined ? {} : { suite: values.suite }),
    ...(values.case === undefined ? {} : { caseId: values.case }),
    ...(values.tag === undefined ? {} : { tag: values.tag }),
  };
  const planned = planCases(suites, profile, filter);
  if (!planned.length) throw new UsageError(`no case matches ${JSON.stringify(filter)}; \`dlmsct list\` shows the ids`);

  const dut = await startDut(profile);
  let results: CaseResult[];
  try {
    try {
      await dut.probe();
    } catch (e) {
      if (e instanceof Error && e.name === 'UnreachableError') {
        io.err(`dlmsct run: ${e.message}\n`);
        return EXIT.unreachable;
      }
      throw e;
    }
    io.out(`dlmsct: ${planned.length} case(s) against ${profile.device.name} via ${dut.label}\n`);
    results = await runWithMocha({
      profile,
      suites,
      filter,
      dut,
      resultsDir: values.results,
      junitFile: values.junit,
      console: values.quiet ? 'none' : 'spec',
    });
  } finally {
    await dut.stop();
  }
  const summary = writeSummary(values.summary, results);
  if (values.report) {
    const code = generateReport(values.results, io);
    if (code !== 0) io.err('dlmsct run: the HTML report was not written (see above)\n');
  }
  io.out(`${totalsLine(summary)}\n`);
  return exitCodeFor(results);
}

/** 0 when nothing but passed and inapplicable; 3 when every judged case broke on an unreachable DUT. */
export function exitCodeFor(results: readonly CaseResult[]): number {
  const judged = results.filter((r) => r.status !== 'inapplicable');
  if (judged.length && judged.every((r) => r.status === 'broken' && r.code === 'UNREACHABLE')) return EXIT.unreachable;
  return judged.every((r) => r.status === 'passed') ? EXIT.ok : EXIT.failed;
}
