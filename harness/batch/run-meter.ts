/**
 * One meter of a batch, lean: the planned cases run straight through the engine (no mocha, no
 * Allure runtime), judged against the deviations as a single run judges them, and written as
 * three files: summary.json and junit.xml as a single run writes them, and cases.json
 * (meter-cases.ts) from which its Allure results are made on demand (allure-replay.ts). The
 * Allure runtime and a file per result and attachment were two thirds of a batch meter's CPU.
 * No process-wide state: a worker runs several meters at once.
 */
import * as path from 'node:path';
import { writeJunit } from '../../reports/junit';
import { writeSummary } from '../../reports/summary';
import { startDut } from '../dut';
import { caseBudgetMs, type CaseResult, type PlannedCase, planCases, runCase } from '../engine';
import type { CapabilityCache } from '../engine/capabilities';
import { judgeDeviation, type JudgedResult } from '../engine/deviations';
import { DEFAULT_FATAL_POLICY, fatalWatch } from '../engine/fatal';
import { caseBase } from '../engine/run-case';
import { parametersOf } from '../mocha/run-mocha';
import type { SuiteDef } from '../suite/types';
import { type MeterCaseInput, writeMeterCases } from './meter-cases';
import { type DeviceRun, type DeviceRunOptions, exitCodeFor, probeDut, sayJudgements } from './run-device';

/** What mocha's per-test backstop allowed beyond a case's own budget (harness/mocha/run-mocha.ts). */
const BACKSTOP_MARGIN_MS = 5000;

export async function runMeter(opts: DeviceRunOptions): Promise<DeviceRun> {
  const dut = opts.dut ?? (await startDut(opts.profile));
  const recorded: MeterCaseInput[] = [];
  let started: Date;
  try {
    const unreachable = await probeDut(dut);
    if (unreachable) return unreachable;
    const planned = planCases(opts.suites, opts.profile, opts.filter);
    const suiteOf = new Map<string, SuiteDef>(opts.suites.map((s) => [s.suite, s]));
    opts.io.out(`dlmsct: ${planned.length} case(s) against ${opts.profile.device.name} via ${dut.label}\n`);
    started = new Date();
    const capabilities: CapabilityCache = new Map();
    const fatal = fatalWatch(opts.fatal ?? DEFAULT_FATAL_POLICY);
    // The order a single run reports them in: suite by suite, as planned within each.
    for (const s of opts.suites) {
      for (const p of planned.filter((x) => x.def.suite === s.suite)) {
        const budget = caseBudgetMs(p, opts.profile) + BACKSTOP_MARGIN_MS;
        const ran = fatal.preempt(p) ?? (await withBackstop(p, budget, runCase(p, { profile: opts.profile, newClient: () => dut.newClient(), capabilities })));
        fatal.observe(ran);
        const result = judgeDeviation(ran, opts.deviations);
        if (opts.console === 'spec')
          opts.io.out(
            `  ${result.reported === 'passed' || result.reported === 'passed-with-remarks' ? '✔' : '-'} ${result.id}: ${result.reported}${result.reason ? ` (${result.reason})` : ''}\n`,
          );
        const suite = suiteOf.get(p.def.suite) ?? s;
        recorded.push({
          suiteTitle: `${suite.suite}: ${suite.title}`,
          suiteFile: suite.file,
          timeoutMs: budget,
          parameters: parametersOf(result, p, opts.profile),
          result,
        });
      }
    }
  } finally {
    if (!opts.dut) await dut.stop();
  }
  const results: JudgedResult[] = recorded.map((r) => r.result);
  writeMeterCases(path.dirname(opts.out.summary), { device: opts.profile.device.name, target: dut.label, detail: opts.detail ?? 'full' }, recorded);
  writeJunit(opts.out.junit, results, { name: `dlmsct: ${opts.profile.device.name}`, timestamp: started });
  const summary = writeSummary(opts.out.summary, results, { mode: opts.mode, ...(opts.deviations ? { deviations: opts.deviations.file } : {}) });
  sayJudgements(results, opts.io);
  return { kind: 'ran', target: dut.label, results, summary, exitCode: exitCodeFor(results) };
}

/**
 * Every case bounds itself (run-case.ts); this is the backstop mocha's per-test time-out was: a
 * case still running past it is broken, the harness's fault, and the meter's run goes on.
 */
async function withBackstop(p: PlannedCase, ms: number, running: Promise<CaseResult>): Promise<CaseResult> {
  let timer: NodeJS.Timeout | undefined;
  const overrun = new Promise<CaseResult>((resolve) => {
    timer = setTimeout(() => {
      const reason = `harness: the case ran past its ${ms} ms budget and was abandoned`;
      resolve({
        ...caseBase(p),
        associations: [],
        remarks: [],
        status: 'broken',
        reason,
        culprit: 'harness',
        durationMs: ms,
        steps: [],
        trace: [{ at: ms, dir: 'event', layers: [], note: reason }],
      });
    }, ms);
  });
  try {
    return await Promise.race([running, overrun]);
  } finally {
    clearTimeout(timer);
  }
}
