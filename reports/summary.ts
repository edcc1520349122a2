/**
 * summary.json: totals per verdict and one line per case. Every verdict has its own count, so an
 * inconclusive case can never pass for a passed one (DESIGN.md, Verdicts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type SummaryStatus = 'passed' | 'failed' | 'inconclusive' | 'inapplicable' | 'broken';

/** The part of a case result the summary needs (harness/engine's CaseResult has it). */
export interface SummaryInput {
  readonly id: string;
  readonly title: string;
  readonly suite: string;
  readonly status: SummaryStatus;
  readonly reason?: string;
  readonly durationMs: number;
}

export interface Summary {
  readonly totals: Readonly<Record<SummaryStatus, number>>;
  readonly cases: readonly { readonly id: string; readonly title: string; readonly suite: string; readonly status: SummaryStatus; readonly reason: string | null; readonly durationMs: number }[];
}

export function buildSummary(results: readonly SummaryInput[]): Summary {
  const totals: Record<SummaryStatus, number> = { passed: 0, failed: 0, inconclusive: 0, inapplicable: 0, broken: 0 };
  for (const r of results) totals[r.status]++;
  return {
    totals,
    cases: results.map((r) => ({ id: r.id, title: r.title, suite: r.suite, status: r.status, reason: r.reason ?? null, durationMs: r.durationMs })),
  };
}

export function writeSummary(file: string, results: readonly SummaryInput[]): Summary {
  const summary = buildSummary(results);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

/** The plain last line CI reads (TOOLCHAIN.md, CI output). */
export function totalsLine(s: Summary): string {
  const t = s.totals;
  return `${t.passed} passed, ${t.failed} failed, ${t.inconclusive} inconclusive, ${t.inapplicable} inapplicable, ${t.broken} broken`;
}
