/**
 * summary.json: totals per verdict and one line per case. Every verdict has its own count, so an
 * inconclusive case can never pass for a passed one (DESIGN.md, Verdicts). A known deviation
 * (harness/engine/deviations.ts) turns a verdict into `expected-failure` or `unexpected-pass`;
 * those are counted on their own too, and the case keeps its original verdict beside them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type SummaryStatus = 'passed' | 'passed-with-remarks' | 'failed' | 'inconclusive' | 'inapplicable' | 'broken';

/** An allowed but not preferred answer (or a defect seen outside the case's subject), with the clause that allows it. */
export interface SummaryRemark {
  readonly text: string;
  readonly clause: string;
  readonly step?: number;
}

/** What a run reports for a case: its verdict, or what a known deviation made of it. */
export type ReportedStatus = SummaryStatus | 'expected-failure' | 'unexpected-pass';

export const REPORTED_STATUSES: readonly ReportedStatus[] = [
  'passed',
  'passed-with-remarks',
  'failed',
  'inconclusive',
  'inapplicable',
  'broken',
  'expected-failure',
  'unexpected-pass',
];

/** `certification`: every case of every suite, no deviations (harness/cli/run.ts refuses both). */
export type RunMode = 'standard' | 'certification';

/** The deviation a case matched (harness/engine/deviations.ts DeviationJudgement). */
export interface SummaryDeviation {
  readonly outcome: 'expected-failure' | 'unexpected-pass' | 'mismatch';
  readonly reference: string;
  /** The entry, `file:line:col`. */
  readonly at: string;
  readonly expected: string;
}

/** The part of a case result the summary needs (harness/engine's CaseResult has it). */
export interface SummaryInput {
  readonly id: string;
  readonly title: string;
  readonly suite: string;
  readonly status: SummaryStatus;
  /** Set when a known deviation changed what is reported; `status` stays the verdict. */
  readonly reported?: ReportedStatus;
  readonly deviation?: SummaryDeviation;
  readonly reason?: string;
  /** Who is at fault when the case did not pass (DESIGN.md, Verdicts), and the cause's stable code. */
  readonly culprit?: string;
  readonly code?: string;
  readonly remarks?: readonly SummaryRemark[];
  readonly durationMs: number;
}

export interface SummaryCase {
  readonly id: string;
  readonly title: string;
  readonly suite: string;
  readonly status: ReportedStatus;
  readonly reason: string | null;
  readonly culprit?: string;
  readonly code?: string;
  /** Every remark of the case, whatever its verdict (a failed case may carry a teardown remark too). */
  readonly remarks: readonly SummaryRemark[];
  readonly durationMs: number;
  /** Only for a case a deviation names: the entry, what it expected, and the case's own verdict. */
  readonly deviation?: SummaryDeviation & { readonly verdict: SummaryStatus };
}

export interface SummaryMeta {
  readonly mode?: RunMode;
  /** The known-deviations file in use, if any. */
  readonly deviations?: string;
}

export interface Summary {
  readonly mode: RunMode;
  readonly deviations: string | null;
  readonly totals: Readonly<Record<ReportedStatus, number>>;
  readonly cases: readonly SummaryCase[];
}

export function buildSummary(results: readonly SummaryInput[], meta: SummaryMeta = {}): Summary {
  const totals = Object.fromEntries(REPORTED_STATUSES.map((s) => [s, 0])) as Record<ReportedStatus, number>;
  const cases = results.map((r): SummaryCase => {
    const status = r.reported ?? r.status;
    totals[status]++;
    return {
      id: r.id,
      title: r.title,
      suite: r.suite,
      status,
      reason: r.reason ?? null,
      ...(r.culprit === undefined ? {} : { culprit: r.culprit }),
      ...(r.code === undefined ? {} : { code: r.code }),
      remarks: r.remarks ?? [],
      durationMs: r.durationMs,
      ...(r.deviation ? { deviation: { ...r.deviation, verdict: r.status } } : {}),
    };
  });
  return { mode: meta.mode ?? 'standard', deviations: meta.deviations ?? null, totals, cases };
}

export function writeSummary(file: string, results: readonly SummaryInput[], meta: SummaryMeta = {}): Summary {
  const summary = buildSummary(results, meta);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

/**
 * The plain last line CI reads (TOOLCHAIN.md, CI output). The deviation counts are appended only
 * when a deviations file was in use or a case was reported through one, so the usual line keeps
 * its shape.
 */
export function totalsLine(s: Summary): string {
  const t = s.totals;
  // Passed-with-remarks only when some case has it, so the usual line keeps its shape.
  const remarked = t['passed-with-remarks'] > 0 ? `, ${t['passed-with-remarks']} passed-with-remarks` : '';
  const base = `${t.passed} passed${remarked}, ${t.failed} failed, ${t.inconclusive} inconclusive, ${t.inapplicable} inapplicable, ${t.broken} broken`;
  const deviated = s.deviations !== null || t['expected-failure'] > 0 || t['unexpected-pass'] > 0;
  return deviated ? `${base}, ${t['expected-failure']} expected-failure, ${t['unexpected-pass']} unexpected-pass` : base;
}
