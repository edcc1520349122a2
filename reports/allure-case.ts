/**
 * One case's Allure result: labels (layer as epic, suite as feature, case id as story, test
 * purpose ids as tags, the exact verdict), the spec clause as a link, parameters (secrets only
 * ever masked), one step per harness step with one sub-step per exchange, and the trace as text,
 * JSON, a timeline SVG and trace.pcapng (trace-exports.ts). Called inside the mocha `it` that ran
 * the case, where allure-mocha's runtime is live.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as allure from 'allure-js-commons';
import { Status } from 'allure-js-commons';
import type { TraceRecord } from '../dlms/trace';
import type { SummaryRemark, SummaryStatus } from './summary';
import { traceExports } from './trace-exports';
import { renderTraceJson } from './trace-json';
import { renderTraceText } from './trace-text';

/** The parts of a case result the report needs (harness/engine's CaseResult has them). */
export interface AllureCaseInput {
  readonly id: string;
  readonly caseId: string;
  readonly title: string;
  readonly suite: string;
  readonly spec: string;
  readonly requirement: string;
  readonly tags: readonly string[];
  readonly detects: readonly string[];
  readonly status: SummaryStatus;
  readonly reason?: string;
  readonly culprit?: string;
  readonly remarks?: readonly SummaryRemark[];
  /** Files a step made for people to look at (a table of rows, a chart), written as they are. */
  readonly attachments?: readonly { readonly name: string; readonly content: string; readonly contentType: string; readonly fileExtension: string }[];
  readonly steps: readonly AllureStepInput[];
  readonly trace: readonly TraceRecord[];
  /** Wall-clock start and length of the case: the pcapng timestamps are start + each record's `at`. */
  readonly startedAtMs?: number;
  readonly durationMs?: number;
}

/** One step of a case; a generator step (one per DUT object) carries its objects as sub-steps. */
export interface AllureStepInput {
  readonly index: number;
  readonly name: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly status: SummaryStatus | 'not-run';
  readonly notes: readonly string[];
  readonly message?: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly substeps?: readonly AllureStepInput[];
}

export interface ReportParameter {
  readonly name: string;
  readonly value: string;
  /** Shown as a mask in the report (a secret's source reference is still not shown). */
  readonly secret?: boolean;
}

/** Epic per suite folder: the protocol layer the suites of that folder exercise. */
const LAYER_OF_GROUP: Readonly<Record<string, string>> = {
  hdlc: 'Data link layer (HDLC, IEC 62056-46)',
  wrapper: 'Transport layer (wrapper, IEC 62056-47)',
  association: 'Application layer: association (ACSE)',
  services: 'Application layer: xDLMS services',
  security: 'Application layer: security',
  classes: 'COSEM interface classes',
  'selective-access': 'Application layer: selective access',
  // Cases that change the meter for good (cleared buffers); the folder sorts last so they run last.
  'state-changing': 'COSEM interface classes: irreversible methods',
};

export function layerOf(suite: string): string {
  const group = suite.split('/')[0] ?? suite;
  return LAYER_OF_GROUP[group] ?? group;
}

/**
 * How much of a case goes into its results: `full` (one run: every case with its timeline SVG and
 * trace.pcapng) or `lean-when-passed` (a batch: a passed case keeps its text and JSON traces, and
 * `dlmsct export` makes its SVG or pcapng from the JSON when someone asks; a batch of a thousand
 * meters would otherwise render and write tens of thousands of exports nobody opens).
 */
export type CaseDetail = 'full' | 'lean-when-passed';

export async function reportCase(r: AllureCaseInput, parameters: readonly ReportParameter[], specUrl: string, detail: CaseDetail = 'full'): Promise<void> {
  await allure.epic(layerOf(r.suite));
  await allure.feature(r.suite);
  await allure.story(r.caseId);
  await allure.label('verdict', r.status);
  if (r.culprit) await allure.label('culprit', r.culprit);
  for (const t of r.tags) await allure.tag(t);
  await allure.link(specUrl, r.spec, 'spec');
  await allure.description(
    [`**${r.spec}**`, '', r.requirement, '', r.detects.length ? `Detects simulator faults: ${r.detects.map((d) => `\`${d}\``).join(', ')}` : '']
      .join('\n')
      .trim(),
  );
  for (const p of parameters) {
    await allure.parameter(p.name, p.secret ? '«secret»' : p.value, p.secret ? { mode: 'masked' } : {});
  }
  const lines = exchangeLines(r.trace);
  const passed = r.status === 'passed' || r.status === 'passed-with-remarks';
  for (const s of r.steps) await reportStep(lines, passed, s);
  // Each remark as a label (filterable; allureStatusDetails turns them into the status details) and in words.
  for (const m of r.remarks ?? []) await allure.label(REMARK_LABEL, remarkText(m));
  if (r.remarks?.length) await allure.attachment('remarks', `${r.remarks.map(remarkText).join('\n')}\n`, 'text/plain');
  if (r.reason) await allure.attachment(`${r.status}: reason`, `${r.reason}\n`, 'text/plain');
  await allure.attachment('frame trace (text)', renderTraceText(r.trace), 'text/plain');
  await allure.attachment('frame trace (JSON)', renderTraceJson(r.trace), 'application/json');
  for (const x of r.attachments ?? []) await allure.attachment(x.name, x.content, { contentType: x.contentType, fileExtension: x.fileExtension });
  const lean = detail === 'lean-when-passed' && (r.status === 'passed' || r.status === 'passed-with-remarks');
  for (const x of lean ? [] : traceExports(r)) {
    await allure.attachment(x.name, typeof x.content === 'string' ? x.content : Buffer.from(x.content), {
      contentType: x.contentType,
      fileExtension: x.fileExtension,
    });
  }
}

/** The label each remark goes in. */
export const REMARK_LABEL = 'remark';

export function remarkText(m: SummaryRemark): string {
  return `${m.step === undefined ? '' : `step ${m.step + 1}: `}${m.text} (${m.clause})`;
}

/**
 * allure-mocha gives a passed test no status details and Allure's API has no call that sets
 * them, so after the run every result whose verdict label is passed-with-remarks gets its
 * remarks as the status details' message (DESIGN.md, Verdicts: remarks in the status details).
 */
export function addRemarkStatusDetails(resultsDir: string): void {
  for (const f of fs.readdirSync(resultsDir)) {
    if (!f.endsWith('-result.json')) continue;
    const file = path.join(resultsDir, f);
    const result = JSON.parse(fs.readFileSync(file, 'utf8')) as { labels?: { name: string; value: string }[]; statusDetails?: Record<string, unknown> };
    const labels = result.labels ?? [];
    if (!labels.some((l) => l.name === 'verdict' && l.value === 'passed-with-remarks')) continue;
    const remarks = labels.filter((l) => l.name === REMARK_LABEL).map((l) => l.value);
    result.statusDetails = { ...result.statusDetails, message: `passed with remarks:\n${remarks.join('\n')}` };
    fs.writeFileSync(file, JSON.stringify(result));
  }
}

/** The status of an Allure step is taken from what its body throws: assertion → failed, other → broken. */
class StepFailed extends Error {
  override readonly name = 'AssertionError';
}
class StepBroken extends Error {
  override readonly name = 'StepBroken';
}

async function reportStep(lines: readonly ExchangeLine[], passed: boolean, s: AllureStepInput, nested = false): Promise<void> {
  // A sub-step for an object is named by its object (`object 1-0:1.8.0.255 (class 3 v0)`), no arguments needed.
  const title = nested && s.name.startsWith('object ') ? s.name : `${s.index + 1}. ${s.name}${argsText(s.args)}`;
  if (s.status === 'not-run') {
    await allure.logStep(title, Status.SKIPPED);
    return;
  }
  try {
    await allure.step(title, async () => {
      if (s.substeps?.length) {
        for (const n of s.notes) await allure.logStep(n, Status.PASSED);
        for (const sub of s.substeps) await reportStep(lines, passed, sub, true);
      } else {
        for (const ex of shownExchanges(exchanges(lines, s.startMs, s.endMs), passed)) await allure.logStep(ex, Status.PASSED);
        for (const n of s.notes) await allure.logStep(n, Status.PASSED);
      }
      if (s.status === 'failed') throw new StepFailed(s.message ?? 'failed');
      if (s.status === 'broken' || s.status === 'inconclusive') throw new StepBroken(`${s.status}: ${s.message ?? ''}`);
      if (s.status === 'inapplicable') await allure.logStep(`inapplicable: ${s.message ?? ''}`, Status.SKIPPED);
    });
  } catch {
    // The step is recorded with its status; the case's own verdict is raised by the caller.
  }
}

function argsText(args: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(args);
  return keys.length ? ` ${JSON.stringify(args)}` : '';
}

/** One exchange as a step line: when its request went out (an unsolicited frame: when it came in), and what it was. */
export interface ExchangeLine {
  readonly at: number;
  text: string;
}

/**
 * One line per exchange of the whole trace: what was sent and what answered it (segments and RR
 * frames that follow join the answer), from the decoded layers. Paired over the whole trace, not
 * per step, so that an answer the clock puts a hair after its step's end (the client's records
 * and the engine's step times come from clocks started microseconds apart) still joins its request.
 */
export function exchangeLines(trace: readonly TraceRecord[]): ExchangeLine[] {
  const out: ExchangeLine[] = [];
  let pending: ExchangeLine | undefined; // sent, not yet answered
  let answered = false; // the last line may take further answers (segments, RR frames)
  for (const rec of trace) {
    if (rec.dir === 'event') continue;
    const what = rec.layers[rec.layers.length - 1]?.summary ?? `${rec.bytes?.length ?? 0} bytes`;
    if (rec.dir === 'tx') {
      if (pending !== undefined) out.push({ at: pending.at, text: `${pending.text} → (no answer)` });
      pending = { at: rec.at, text: what };
      answered = false;
    } else if (pending !== undefined) {
      out.push({ at: pending.at, text: `${pending.text} → ${what}` });
      pending = undefined;
      answered = true;
    } else if (answered && out.length) {
      out[out.length - 1]!.text += ` + ${what}`;
    } else {
      out.push({ at: rec.at, text: `(unsolicited) → ${what}` });
    }
  }
  if (pending !== undefined) out.push({ at: pending.at, text: `${pending.text} → (no answer)` });
  return out;
}

/** The exchanges whose request went out in [fromMs, toMs]. */
export function exchanges(lines: readonly ExchangeLine[], fromMs: number, toMs: number): string[] {
  return lines.filter((x) => x.at >= fromMs && x.at <= toMs).map((x) => x.text);
}

/**
 * A step of a passing case lists this many exchanges, then how many more there were: its frame
 * trace (embedded, and linked in full) has them all, and a step of an object walk or a segmented
 * read would otherwise list dozens of RR frames nobody reads. A case that did not pass lists all.
 */
export const EXCHANGES_SHOWN_WHEN_PASSED = 8;

export function shownExchanges(lines: readonly string[], passed: boolean): string[] {
  if (!passed || lines.length <= EXCHANGES_SHOWN_WHEN_PASSED) return [...lines];
  const more = lines.length - EXCHANGES_SHOWN_WHEN_PASSED;
  return [...lines.slice(0, EXCHANGES_SHOWN_WHEN_PASSED), `… ${more} more exchange${more === 1 ? '' : 's'}: in the frame trace`];
}
