/**
 * The mocha binding: a describe per suite, an it per planned case that calls runCase, then the
 * verdict said the way mocha and Allure understand it. Allure has fewer statuses than we have
 * verdicts, so the exact verdict also goes into a label and summary.json:
 *   passed-with-remarks → passed, the verdict label says which, the remarks are labels and the
 *   status details (reports/allure-case.ts); failed → an assertion error (Allure failed); broken, inconclusive → another error (Allure
 *   broken); inapplicable → skipped, after recording the reason. With a known-deviations file
 *   (engine/deviations.ts): an expected failure → skipped with a `deviation` label (allure-pytest
 *   reports xfail the same way), an unexpected pass → failed.
 * Reporters: allure-mocha, with spec as an extra reporter (TOOLCHAIN.md). junit.xml is written from
 * the results by reports/junit.ts (harness/batch/run-device.ts): mocha's xunit reporter sees only
 * thrown errors and would count every failed case as an error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as allure from 'allure-js-commons';
import Mocha from 'mocha';
import { addRemarkStatusDetails, type CaseDetail, type ReportParameter, reportCase } from '../../reports/allure-case';
import type { Dut } from '../dut';
import { caseBudgetMs, type CaseFilter, type CaseResult, type PlannedCase, planCases, runCase } from '../engine';
import { type DeviationJudgement, type DeviationSet, deviationText, judgeDeviation, type JudgedResult } from '../engine/deviations';
import type { CapabilityCache } from '../engine/capabilities';
import { DEFAULT_FATAL_POLICY, type FatalPolicy, fatalWatch } from '../engine/fatal';
import type { Profile } from '../profile/types';
import type { SuiteDef } from '../suite/types';
import { ResultsWriter } from './results-writer';

export interface MochaRunOptions {
  readonly profile: Profile;
  readonly suites: readonly SuiteDef[];
  readonly filter?: CaseFilter;
  readonly dut: Dut;
  /** allure-results folder; emptied before the run (Allure results accumulate otherwise). */
  readonly resultsDir: string;
  /** Console reporter; 'spec' by default, 'none' in tests. */
  readonly console?: 'spec' | 'none';
  /** Known deviations: what they make of a verdict is reported (and returned) beside it. */
  readonly deviations?: DeviationSet;
  /** What a meter that stops answering does to the run (engine/fatal.ts); default: stop after 3 silent cases. */
  readonly fatal?: FatalPolicy;
  /** How much of each case goes into the results (reports/allure-case.ts); default full. */
  readonly detail?: CaseDetail;
}

/** A case the DUT failed: an assertion for mocha and Allure. */
export class CaseFailed extends Error {
  override readonly name = 'AssertionError';
  constructor(message: string) {
    super(message);
    // The message ends with the clause and expected/got; where in judge() it was thrown helps nobody.
    this.stack = `${this.name}: ${message}`;
  }
}

/** Broken or inconclusive: deliberately not an assertion, so Allure shows it as broken. */
export class CaseNotJudged extends Error {
  override readonly name = 'CaseNotJudged';
  constructor(message: string, keepStack: boolean) {
    super(message);
    // A broken case keeps its stack (a harness bug is found from it); an inconclusive one is a plain fact.
    if (!keepStack) this.stack = `${this.name}: ${message}`;
  }
}

export async function runWithMocha(opts: MochaRunOptions): Promise<JudgedResult[]> {
  const results: JudgedResult[] = [];
  // What each association grants, discovered once for the run (engine/capabilities.ts).
  const capabilities: CapabilityCache = new Map();
  const planned = planCases(opts.suites, opts.profile, opts.filter);
  const fatal = fatalWatch(opts.fatal ?? DEFAULT_FATAL_POLICY);
  // One group per run of consecutive cases of a suite, in the plan's order (`order: last` cases
  // come after the others, so their suite may appear twice).
  const groups: MochaGroup[] = [];
  const bySuite = new Map(opts.suites.map((s) => [s.suite, s]));
  for (let i = 0; i < planned.length;) {
    const s = bySuite.get(planned[i]!.def.suite)!;
    let j = i;
    while (j < planned.length && planned[j]!.def.suite === s.suite) j++;
    const mine = planned.slice(i, j);
    i = j;
    groups.push({
      title: `${s.suite}: ${s.title}`,
      file: s.file,
      tests: mine.map((p) => ({
        title: `${p.id} ${p.def.title}`,
        timeoutMs: caseBudgetMs(p, opts.profile) + 5000,
        async run() {
          const ran = fatal.preempt(p) ?? (await runCase(p, { profile: opts.profile, newClient: () => opts.dut.newClient(), capabilities }));
          fatal.observe(ran);
          const result = judgeDeviation(ran, opts.deviations);
          results.push(result);
          return { result, parameters: parametersOf(result, p, opts.profile) };
        },
      })),
    });
  }
  await reportWithMocha(groups, opts);
  return results;
}

/** One suite of a mocha run: its cases as tests, each producing its judged result. */
export interface MochaGroup {
  readonly title: string;
  /** The suite file: the tests' file and the spec link. */
  readonly file: string;
  readonly tests: readonly {
    readonly title: string;
    /** mocha's backstop; each case bounds itself first. */
    readonly timeoutMs: number;
    run(): Promise<{ readonly result: JudgedResult; readonly parameters: readonly ReportParameter[] }>;
  }[];
}

/**
 * The mocha and Allure side of a run: a describe per group, an it per test that gets the judged
 * result (by running the case, or from a batch meter's recorded cases: harness/batch/meter-cases.ts),
 * reports it to Allure and says its verdict to mocha.
 */
export async function reportWithMocha(groups: readonly MochaGroup[], opts: Pick<MochaRunOptions, 'resultsDir' | 'console' | 'detail'>): Promise<void> {
  fs.rmSync(opts.resultsDir, { recursive: true, force: true });
  fs.mkdirSync(opts.resultsDir, { recursive: true });
  const mocha = new Mocha({
    reporter: 'allure-mocha',
    // allure-mocha reads an empty list as one malformed entry: leave the option out instead.
    // Our writer: allure's files without an fsync each (results-writer.ts).
    reporterOptions: {
      resultsDir: opts.resultsDir,
      writer: new ResultsWriter(opts.resultsDir),
      ...(opts.console === 'none' ? {} : { extraReporters: 'spec' }),
    },
    // Each case bounds itself (caseBudgetMs); mocha's limit is a backstop set per test.
    timeout: 0,
  });
  for (const g of groups) {
    const describe = Mocha.Suite.create(mocha.suite, g.title);
    const url = specUrl(g.file);
    for (const t of g.tests) {
      const test = new Mocha.Test(t.title, async function (this: Mocha.Context) {
        this.timeout(t.timeoutMs);
        const { result, parameters } = await t.run();
        await reportCase(result, parameters, url, opts.detail);
        if (result.deviation) await reportDeviation(result.deviation);
        judge(result, this);
      });
      test.file = path.resolve(g.file);
      describe.addTest(test);
    }
  }
  await new Promise<void>((resolve) => mocha.run(() => resolve()));
  addRemarkStatusDetails(opts.resultsDir);
}

function judge(r: JudgedResult, ctx: Mocha.Context): void {
  // A deviation that did not match leaves the verdict, and says so beside the reason.
  const note = r.deviation?.outcome === 'mismatch' ? ` [${deviationText(r.deviation)}]` : '';
  switch (r.reported) {
    case 'passed':
    case 'passed-with-remarks':
      return;
    case 'failed':
      throw new CaseFailed(`${r.reason ?? 'failed'}${note}`);
    case 'broken':
    case 'inconclusive':
      throw new CaseNotJudged(`[${r.status}${r.culprit ? `, culprit ${r.culprit}` : ''}] ${r.reason ?? ''}${note}`, r.status === 'broken');
    case 'inapplicable':
    case 'expected-failure':
      ctx.skip();
      return;
    case 'unexpected-pass':
      throw new CaseFailed(r.deviation ? deviationText(r.deviation) : 'unexpected pass');
    default: {
      const never: never = r.reported;
      throw new Error(`status ${String(never)}`);
    }
  }
}

/** The deviation as a label (filterable in Allure), its entry as a parameter, its verdict in words. */
async function reportDeviation(d: DeviationJudgement): Promise<void> {
  await allure.label('deviation', d.outcome);
  await allure.parameter('known deviation', `${d.reference} (${d.at})`);
  await allure.attachment(`deviation: ${d.outcome}`, `${deviationText(d)}\nexpected: ${d.expected}\n`, 'text/plain');
}

/** Associations used and attributes read; a password appears only as a masked parameter. */
export function parametersOf(r: CaseResult, p: PlannedCase, profile: Profile): ReportParameter[] {
  const out: ReportParameter[] = [];
  for (const n of r.associations) {
    const a = profile.associations.find((x) => x.name === n);
    if (!a) continue;
    out.push({ name: `association ${a.name}`, value: `client SAP ${a.clientSap}, ${a.authentication}, ${a.referencing.toUpperCase()} referencing` });
    if (a.password) out.push({ name: `association ${a.name} password`, value: '', secret: true });
  }
  for (const [i, s] of p.def.steps.entries()) {
    if (s.name === 'get')
      out.push({ name: `OBIS (step ${i + 1})`, value: `${String(s.args['obis'])} class ${String(s.args['class'])} attribute ${String(s.args['attribute'])}` });
  }
  return out;
}

/**
 * The case's clause, requirement and steps are in its suite file: the link opens that file. A URL
 * relative to the report would break as soon as the report is written elsewhere (--out DIR).
 */
function specUrl(suiteFile: string): string {
  return pathToFileURL(path.resolve(suiteFile)).href;
}
