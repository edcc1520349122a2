/**
 * Known deviations (tlsfuzzer's XFAIL idea; DESIGN.md, Verdicts): a YAML list of cases a DUT is
 * known to fail, each with the failure expected and the ticket or firmware note that explains
 * it. A case whose verdict matches its entry is reported as `expected-failure` and does not fail
 * the run; a case that now passes is `unexpected-pass` and fails the run, so that the stale
 * entry gets removed; a case that fails differently keeps its verdict. Certification mode
 * refuses the whole mechanism (harness/cli/run.ts).
 */
import { ConfigError, type Place } from '../../config/error';
import { placeAtPath, type Schema } from '../yaml/schema';
import { shippedSchema } from '../yaml/json-schema';
import { validateNode } from '../yaml/validate';
import { parseYaml, readYamlFile, type YamlSource } from '../../config/yaml-source';
import { globToRegExp } from './glob';
import type { CaseResult } from './result';
import type { Status } from './verdict';

/** The verdicts a deviation may expect: both say the DUT, not the rig or the harness, fell short. */
export const DEVIATION_STATUSES = ['failed', 'inconclusive'] as const;
export type DeviationStatus = (typeof DEVIATION_STATUSES)[number];

export const DEVIATIONS_SCHEMA: Schema = {
  type: 'array',
  description: 'dlmsct known deviations: cases the device is known to fail, with the failure expected',
  items: {
    type: 'object',
    properties: {
      case: {
        type: 'string',
        pattern: '^[A-Za-z0-9*?][A-Za-z0-9_.*?/-]*(\\[[A-Za-z0-9_*?-]+\\])?$',
        description: 'a case id or a glob over ids (ASSOC-*), with or without [association]',
      },
      expect: {
        type: 'object',
        properties: {
          status: { type: 'string', enum: [...DEVIATION_STATUSES], description: 'the verdict expected (default failed)' },
          reason: { type: 'string', description: 'text the verdict reason contains, or /regex/flags' },
        },
        required: ['reason'],
      },
      reference: { type: 'string', description: 'why: a ticket, a firmware release note' },
    },
    required: ['case', 'expect', 'reference'],
  },
};

export interface Deviation {
  /** As written: an id or a glob, with or without `[association]`. */
  readonly case: string;
  readonly status: DeviationStatus;
  /** As written: text the reason must contain, or `/regex/flags`. */
  readonly reason: string;
  readonly reference: string;
  /** `file:line:col` of the entry, for messages. */
  readonly at: string;
  readonly caseRe: RegExp;
  readonly reasonRe: RegExp;
}

export interface DeviationSet {
  readonly file: string;
  readonly entries: readonly Deviation[];
}

export function loadDeviations(file: string): DeviationSet {
  return deviationsFrom(readYamlFile(file));
}

export function parseDeviations(text: string, file: string): DeviationSet {
  return deviationsFrom(parseYaml(text, file));
}

interface RawDeviation {
  case: string;
  expect: { status?: DeviationStatus; reason: string };
  reference: string;
}

function deviationsFrom(src: YamlSource): DeviationSet {
  validateNode(src, src.root, shippedSchema('deviations'), src.placeOf(src.root));
  const raw = src.doc.toJS() as RawDeviation[];
  const seen = new Map<string, string>();
  const entries = raw.map((d, i): Deviation => {
    const at = placeText(placeAtPath(src, [i]));
    const first = seen.get(d.case);
    if (first !== undefined)
      throw ConfigError.at(placeAtPath(src, [i, 'case']), 'DEVIATION_DUPLICATE', `each case once (first at ${first})`, JSON.stringify(d.case));
    seen.set(d.case, at);
    return {
      case: d.case,
      status: d.expect.status ?? 'failed',
      reason: d.expect.reason,
      reference: d.reference,
      at,
      caseRe: globToRegExp(d.case),
      reasonRe: reasonPattern(d.expect.reason, placeAtPath(src, [i, 'expect', 'reason'])),
    };
  });
  return { file: src.file, entries };
}

/** `/…/flags` is a regular expression; anything else is text the reason must contain, as written. */
function reasonPattern(text: string, place: Place): RegExp {
  const m = /^\/(.*)\/([dgimsuy]*)$/s.exec(text);
  if (!m) return new RegExp(text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  try {
    // Without the g and y flags a RegExp keeps no state between tests.
    return new RegExp(m[1] as string, (m[2] as string).replace(/[gy]/g, ''));
  } catch (e) {
    throw ConfigError.at(place, 'DEVIATION_REGEX_BAD', 'a valid regular expression /…/flags', e instanceof Error ? e.message : String(e));
  }
}

function placeText(p: Place): string {
  return `${p.file}:${p.line}:${p.col}`;
}

/** The first entry (in file order) naming the case: by its full id (`ID[association]`) or its case id. */
export function findDeviation(set: DeviationSet | undefined, id: string, caseId: string): Deviation | undefined {
  return set?.entries.find((d) => d.caseRe.test(id) || d.caseRe.test(caseId));
}

/** Entries that name no case of the plan: a typo, or a case the suites no longer hold. */
export function unusedDeviations(
  set: DeviationSet | undefined,
  planned: readonly { readonly id: string; readonly def: { readonly id: string } }[],
): Deviation[] {
  if (!set) return [];
  const used = new Set(planned.map((p) => findDeviation(set, p.id, p.def.id)).filter((d): d is Deviation => d !== undefined));
  return set.entries.filter((d) => !used.has(d));
}

/** What the run reports: a verdict, or what a known deviation made of it. */
export type ReportedStatus = Status | 'expected-failure' | 'unexpected-pass';

/** `mismatch`: the case did not pass, but not the way the entry expects; its verdict stands. */
export type DeviationOutcome = 'expected-failure' | 'unexpected-pass' | 'mismatch';

export interface DeviationJudgement {
  readonly outcome: DeviationOutcome;
  readonly reference: string;
  /** The entry, `file:line:col`. */
  readonly at: string;
  /** `failed, reason matching "…"`. */
  readonly expected: string;
}

export interface JudgedResult extends CaseResult {
  readonly reported: ReportedStatus;
  readonly deviation?: DeviationJudgement;
}

export function judgeDeviation(r: CaseResult, set: DeviationSet | undefined): JudgedResult {
  const d = r.status === 'inapplicable' ? undefined : findDeviation(set, r.id, r.caseId);
  if (!d) return { ...r, reported: r.status };
  const base = { reference: d.reference, at: d.at, expected: `${d.status}, reason matching ${d.reason.startsWith('/') ? d.reason : JSON.stringify(d.reason)}` };
  if (r.status === 'passed' || r.status === 'passed-with-remarks')
    return { ...r, reported: 'unexpected-pass', deviation: { outcome: 'unexpected-pass', ...base } };
  if (r.status === d.status && d.reasonRe.test(r.reason ?? ''))
    return { ...r, reported: 'expected-failure', deviation: { outcome: 'expected-failure', ...base } };
  return { ...r, reported: r.status, deviation: { outcome: 'mismatch', ...base } };
}

/** One line for the console and the test report. */
export function deviationText(j: DeviationJudgement): string {
  switch (j.outcome) {
    case 'expected-failure':
      return `known deviation (${j.reference}, ${j.at})`;
    case 'unexpected-pass':
      return `passed, but the known deviation at ${j.at} (${j.reference}) expects ${j.expected}: the bug seems fixed, remove the entry`;
    case 'mismatch':
      return `the known deviation at ${j.at} (${j.reference}) expects ${j.expected}; this verdict differs, so it stands`;
    default: {
      const never: never = j.outcome;
      return String(never);
    }
  }
}

/** Did this case keep the run green? Passed (with remarks or not), inapplicable and expected failures do. */
export function isGreen(s: ReportedStatus): boolean {
  return s === 'passed' || s === 'passed-with-remarks' || s === 'inapplicable' || s === 'expected-failure';
}
