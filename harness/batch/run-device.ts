/**
 * One device, one run: reach it (a probe, so an unreachable device is said once rather than by
 * every case), run the planned cases through mocha with the Allure and console reporters,
 * apply the known deviations, and write junit.xml (reports/junit.ts) and summary.json from the
 * results. `dlmsct run` does this once; a batch does it per device, each into its own folder.
 */
import type { Io } from '../cli/io';
import { EXIT } from '../cli/io';
import { type Dut, startDut } from '../dut';
import { type CaseFilter, type CaseResult, planCases } from '../engine';
import { type DeviationSet, deviationText, isGreen, type JudgedResult, type ReportedStatus } from '../engine/deviations';
import type { FatalPolicy } from '../engine/fatal';
import { runWithMocha } from '../mocha/run-mocha';
import type { Profile } from '../profile/types';
import type { SuiteDef } from '../suite/types';
import { type CaseDetail, remarkText } from '../../reports/allure-case';
import { writeJunit } from '../../reports/junit';
import { type RunMode, type Summary, writeSummary } from '../../reports/summary';

export interface DeviceOutputs {
  /** allure-results folder (emptied first). */
  readonly results: string;
  readonly junit: string;
  readonly summary: string;
}

export interface DeviceRunOptions {
  readonly profile: Profile;
  readonly suites: readonly SuiteDef[];
  readonly filter: CaseFilter;
  readonly deviations?: DeviationSet;
  readonly mode: RunMode;
  readonly out: DeviceOutputs;
  readonly console: 'spec' | 'none';
  readonly io: Io;
  /** What a meter that stops answering does to the run (engine/fatal.ts). */
  readonly fatal?: FatalPolicy;
  /** How much of each case goes into the results (reports/allure-case.ts); default full. */
  readonly detail?: CaseDetail;
  /** Started from the profile when absent (and then stopped here). */
  readonly dut?: Dut;
}

export type DeviceRun =
  | { readonly kind: 'ran'; readonly target: string; readonly results: readonly JudgedResult[]; readonly summary: Summary; readonly exitCode: number }
  | { readonly kind: 'unreachable'; readonly target: string; readonly message: string };

/** The meter answers the probe, or the run ends here as `unreachable` (any other error is thrown on). */
export async function probeDut(dut: Dut): Promise<DeviceRun | undefined> {
  try {
    await dut.probe();
    return undefined;
  } catch (e) {
    if (e instanceof Error && e.name === 'UnreachableError') return { kind: 'unreachable', target: dut.label, message: e.message };
    throw e;
  }
}

export async function runDevice(opts: DeviceRunOptions): Promise<DeviceRun> {
  const dut = opts.dut ?? (await startDut(opts.profile));
  let results: JudgedResult[];
  let started: Date;
  try {
    const unreachable = await probeDut(dut);
    if (unreachable) return unreachable;
    const planned = planCases(opts.suites, opts.profile, opts.filter);
    opts.io.out(
      `dlmsct: ${planned.length} case(s) against ${opts.profile.device.name} via ${dut.label}${opts.mode === 'certification' ? ' (certification mode)' : ''}\n`,
    );
    started = new Date();
    results = await runWithMocha({
      profile: opts.profile,
      suites: opts.suites,
      filter: opts.filter,
      dut,
      resultsDir: opts.out.results,
      console: opts.console,
      ...(opts.deviations ? { deviations: opts.deviations } : {}),
      ...(opts.fatal ? { fatal: opts.fatal } : {}),
      ...(opts.detail ? { detail: opts.detail } : {}),
    });
  } finally {
    if (!opts.dut) await dut.stop();
  }
  writeJunit(opts.out.junit, results, { name: `dlmsct: ${opts.profile.device.name}`, timestamp: started });
  const summary = writeSummary(opts.out.summary, results, { mode: opts.mode, ...(opts.deviations ? { deviations: opts.deviations.file } : {}) });
  sayJudgements(results, opts.io);
  return { kind: 'ran', target: dut.label, results, summary, exitCode: exitCodeFor(results) };
}

/** What the console's case lines do not say: each deviation's judgement and each remark. */
export function sayJudgements(results: readonly JudgedResult[], io: Io): void {
  // mocha shows an expected failure as pending: say here what each deviation made of its case.
  for (const r of results) if (r.deviation) io.out(`${r.deviation.outcome}: ${r.id}: ${deviationText(r.deviation)}\n`);
  // mocha shows a case passed with remarks as passed: list the remarks (they never change the exit code).
  for (const r of results) for (const m of r.remarks) io.out(`remark: ${r.id}: ${remarkText(m)}\n`);
}

/**
 * 0 when nothing but passed, inapplicable and expected failures; 3 when every judged case broke
 * on an unreachable DUT; 1 otherwise (an unexpected pass included: the deviation is stale).
 */
export function exitCodeFor(results: readonly (CaseResult & { readonly reported?: ReportedStatus })[]): number {
  const judged = results.filter((r) => r.status !== 'inapplicable');
  if (judged.length && judged.every((r) => r.status === 'broken' && r.code === 'UNREACHABLE')) return EXIT.unreachable;
  return judged.every((r) => isGreen(r.reported ?? r.status)) ? EXIT.ok : EXIT.failed;
}
