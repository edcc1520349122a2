/**
 * The mocha binding: a describe per suite, an it per planned case that calls runCase, then the
 * verdict said the way mocha and Allure understand it. Allure has fewer statuses than we have
 * verdicts, so the exact verdict also goes into a label and summary.json:
 *   failed → an assertion error (Allure failed); broken, inconclusive → another error (Allure
 *   broken); inapplicable → skipped, after recording the reason.
 * Reporters: allure-mocha with spec and xunit (JUnit XML) as extra reporters (TOOLCHAIN.md).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { type ReportParameter, reportCase } from '../../reports/allure-case';
import type { Dut } from '../dut';
import { caseBudgetMs, type CaseFilter, type CaseResult, type PlannedCase, planCases, runCase } from '../engine';
import type { Profile } from '../profile/types';
import type { SuiteDef } from '../suite/types';

export interface MochaRunOptions {
  readonly profile: Profile;
  readonly suites: readonly SuiteDef[];
  readonly filter?: CaseFilter;
  readonly dut: Dut;
  /** allure-results folder; emptied before the run (Allure results accumulate otherwise). */
  readonly resultsDir: string;
  readonly junitFile: string;
  /** Console reporter; 'spec' by default, 'none' in tests. */
  readonly console?: 'spec' | 'none';
}

/** A case the DUT failed: an assertion for mocha and Allure. */
export class CaseFailed extends Error {
  override readonly name = 'AssertionError';
}

/** Broken or inconclusive: deliberately not an assertion, so Allure shows it as broken. */
export class CaseNotJudged extends Error {
  override readonly name = 'CaseNotJudged';
}

export async function runWithMocha(opts: MochaRunOptions): Promise<CaseResult[]> {
  fs.rmSync(opts.resultsDir, { recursive: true, force: true });
  fs.mkdirSync(opts.resultsDir, { recursive: true });
  fs.mkdirSync(path.dirname(path.resolve(opts.junitFile)), { recursive: true });
  const extra: unknown[] = [['xunit', { output: opts.junitFile, suiteName: `dlmsct: ${opts.profile.device.name}` }]];
  if (opts.console !== 'none') extra.unshift('spec');
  const mocha = new Mocha({
    reporter: 'allure-mocha',
    reporterOptions: { resultsDir: opts.resultsDir, extraReporters: extra },
    // Each case bounds itself (caseBudgetMs); mocha's limit is a backstop set per test.
    timeout: 0,
  });
  const results: CaseResult[] = [];
  const planned = planCases(opts.suites, opts.profile, opts.filter);
  for (const s of opts.suites) {
    const mine = planned.filter((p) => p.def.suite === s.suite);
    if (!mine.length) continue;
    const describe = Mocha.Suite.create(mocha.suite, `${s.suite}: ${s.title}`);
    for (const p of mine) {
      const test = new Mocha.Test(`${p.id} ${p.def.title}`, async function (this: Mocha.Context) {
        this.timeout(caseBudgetMs(p, opts.profile) + 5000);
        const r = await runCase(p, { profile: opts.profile, newClient: () => opts.dut.newClient() });
        results.push(r);
        await reportCase(r, parametersOf(p, opts.profile), specUrl(r.caseId));
        judge(r, this);
      });
      test.file = path.resolve(s.file);
      describe.addTest(test);
    }
  }
  await new Promise<void>((resolve) => mocha.run(() => resolve()));
  return results;
}

function judge(r: CaseResult, ctx: Mocha.Context): void {
  switch (r.status) {
    case 'passed':
      return;
    case 'failed':
      throw new CaseFailed(r.reason ?? 'failed');
    case 'broken':
    case 'inconclusive':
      throw new CaseNotJudged(`[${r.status}${r.culprit ? `, culprit ${r.culprit}` : ''}] ${r.reason ?? ''}`);
    case 'inapplicable':
      ctx.skip();
      return;
    default: {
      const never: never = r.status;
      throw new Error(`status ${String(never)}`);
    }
  }
}

/** Association and the attributes read; a password appears only as a masked parameter. */
function parametersOf(p: PlannedCase, profile: Profile): ReportParameter[] {
  const out: ReportParameter[] = [];
  const names = new Set<string>();
  if (p.each) names.add(p.each.name);
  for (const s of p.def.steps) {
    const a = s.args['association'];
    if (typeof a === 'string' && a !== '$each' && a !== 'current') names.add(a);
    if (s.name === 'get') out.push({ name: 'OBIS', value: `${String(s.args['obis'])} class ${String(s.args['class'])} attribute ${String(s.args['attribute'])}` });
  }
  for (const n of names) {
    const a = profile.associations.find((x) => x.name === n);
    if (!a) continue;
    out.unshift({ name: 'association', value: `${a.name} (client SAP ${a.clientSap}, ${a.authentication})` });
    if (a.password) out.push({ name: `${a.name} password`, value: '', secret: true });
  }
  return out;
}

function specUrl(caseId: string): string {
  return `docs/suites.md#${caseId.toLowerCase()}`;
}
