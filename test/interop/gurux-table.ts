/**
 * The reviewed table of the independent meter's verdicts (test/interop/gurux-cpp.yaml): one entry
 * per case and framing, each judged by hand from the frames, the standard and the meter's
 * behaviour. A `failed` entry names the meter's defect, its clause and the evidence bytes; an
 * `inapplicable` entry its reason; a verdict that is dlmsct's own mistake names the finding in
 * docs/interop/gurux-cpp-findings.md that routes it — the table never blames the meter for it.
 * This module reads and checks the table, diffs it with a run, and writes a draft for review.
 */
import * as fs from 'node:fs';
import { stringify } from 'yaml';
import { readYamlFile } from '../../config/yaml-source';

export const FRAMINGS = ['hdlc', 'wrapper', 'sn-hdlc'] as const;
export type TableFraming = (typeof FRAMINGS)[number];

export const VERDICTS = ['passed', 'passed-with-remarks', 'failed', 'inconclusive', 'inapplicable', 'broken'] as const;

export interface TableEntry {
  readonly verdict: string;
  /** The meter's defect, in a sentence (failed; inconclusive when a meter defect stopped a precondition). */
  readonly defect?: string;
  /** The clause the defect breaks. */
  readonly clause?: string;
  /** The bytes that show it (hex, as sent and received). */
  readonly evidence?: string;
  /** Why the case does not apply (inapplicable), or why nothing was judged (inconclusive). */
  readonly reason?: string;
  /** The meter process died during this case (a finding of its own: a request kills it). */
  readonly crashes?: boolean;
  /** dlmsct's own mistake behind this verdict, routed in docs/interop/gurux-cpp-findings.md (`F3`). */
  readonly finding?: string;
  /** Anything else a reviewer should know (remarks of a passed-with-remarks verdict, …). */
  readonly note?: string;
  /** Written by the draft only: what changed, for the reviewer; a reviewed table has none. */
  readonly review?: string;
}

export type Table = Readonly<Record<TableFraming, Readonly<Record<string, TableEntry>>>>;

/** One verdict of a run, as the table compares it. */
export interface Observed {
  readonly id: string;
  readonly verdict: string;
  readonly reason?: string;
  /** The remarks of a passed-with-remarks verdict, as text. */
  readonly remarks?: readonly string[];
  readonly crashed: boolean;
}

export function loadTable(file: string): Table {
  const src = readYamlFile(file);
  const raw = (src.doc.toJS() ?? {}) as Record<string, unknown>;
  const out: Record<string, Record<string, TableEntry>> = {};
  for (const f of FRAMINGS) {
    const section = (raw[f] ?? {}) as Record<string, unknown>;
    out[f] = {};
    for (const [id, v] of Object.entries(section)) out[f][id] = typeof v === 'string' ? { verdict: v } : (v as TableEntry);
  }
  return out as Table;
}

/** What is wrong with the table as a reviewed record, one line per problem; `findings` are the ids the findings file defines. */
export function tableProblems(table: Table, findings: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const f of FRAMINGS) {
    for (const [id, e] of Object.entries(table[f])) {
      const at = `${f} ${id}`;
      const need = (field: keyof TableEntry, why: string): void => {
        if (typeof e[field] !== 'string' || (e[field] as string).trim() === '') problems.push(`${at}: ${why} (field ${field})`);
      };
      if (!(VERDICTS as readonly string[]).includes(e.verdict)) problems.push(`${at}: verdict "${String(e.verdict)}" is none of ${VERDICTS.join(', ')}`);
      if (e.review !== undefined) problems.push(`${at}: still marked for review: ${e.review}`);
      if (e.finding !== undefined) {
        if (!findings.has(e.finding)) problems.push(`${at}: finding ${e.finding} is not a heading of docs/interop/gurux-cpp-findings.md`);
        need('reason', 'an entry kept for a dlmsct finding says what the engine reports');
        continue;
      }
      switch (e.verdict) {
        case 'failed':
          need('defect', "a failure names the meter's defect");
          need('clause', 'a failure names the clause it breaks');
          need('evidence', 'a failure gives the evidence bytes');
          break;
        case 'inapplicable':
          need('reason', 'an inapplicable case gives its reason');
          break;
        case 'inconclusive':
          need('reason', 'an inconclusive case says which precondition the meter did not meet');
          need('defect', "an inconclusive case names the meter's behaviour that stopped it (or a dlmsct finding)");
          break;
        case 'broken':
          problems.push(`${at}: a broken verdict is never the meter's: it needs a dlmsct finding`);
          break;
        default:
          break;
      }
    }
  }
  return problems;
}

/** The finding ids the findings file defines: headings `## F3 …`. */
export function findingIds(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(/^##+ (F\d+)\b/gm)].map((m) => m[1] as string));
}

export interface Change {
  readonly framing: TableFraming;
  readonly id: string;
  readonly kind: 'changed' | 'new' | 'gone';
  readonly was?: TableEntry;
  readonly now?: Observed;
}

export function diffTable(table: Table, framing: TableFraming, observed: readonly Observed[]): Change[] {
  const changes: Change[] = [];
  const seen = new Set<string>();
  for (const o of observed) {
    seen.add(o.id);
    const was = table[framing][o.id];
    if (was === undefined) changes.push({ framing, id: o.id, kind: 'new', now: o });
    else if (was.verdict !== o.verdict || (was.crashes ?? false) !== o.crashed) changes.push({ framing, id: o.id, kind: 'changed', was, now: o });
  }
  for (const [id, was] of Object.entries(table[framing])) if (!seen.has(id)) changes.push({ framing, id, kind: 'gone', was });
  return changes;
}

function shown(verdict: string, crashed: boolean | undefined): string {
  return `${verdict}${crashed ? ' (meter crashed)' : ''}`;
}

/** The diff as a reviewer reads it: one block per case, table → now, with the engine's reason. */
export function formatChanges(changes: readonly Change[]): string {
  return changes
    .map((c) => {
      const head = `${c.kind.padEnd(7)} ${c.framing} ${c.id}: `;
      switch (c.kind) {
        case 'new':
          return `${head}not in the table → ${shown(c.now?.verdict ?? '?', c.now?.crashed)}${c.now?.reason ? `\n          now: ${c.now.reason}` : ''}`;
        case 'gone':
          return `${head}in the table (${shown(c.was?.verdict ?? '?', c.was?.crashes)}) but not run any more`;
        case 'changed':
          return `${head}table ${shown(c.was?.verdict ?? '?', c.was?.crashes)} → now ${shown(c.now?.verdict ?? '?', c.now?.crashed)}${
            c.was?.defect ? `\n          table said: ${c.was.defect}` : c.was?.finding ? `\n          table said: dlmsct finding ${c.was.finding}` : ''
          }${c.now?.reason ? `\n          now: ${c.now.reason}` : ''}`;
      }
    })
    .join('\n');
}

/**
 * A draft of the table from a run: unchanged entries keep their review; changed and new ones take
 * the observed verdict and a `review:` line (which the table check refuses), so nothing unreviewed
 * can be committed as reviewed.
 */
const DRAFT_HEADER = `# The independent meter's verdicts, reviewed by hand (docs/interop/gurux-cpp.md: how to review).
# One entry per case id and framing: \`ID: passed\`, or { verdict, defect, clause, evidence } for the
# meter's failures, { verdict: inapplicable, reason }, { …, finding: F<n> } where the verdict is
# dlmsct's own mistake (docs/interop/gurux-cpp-findings.md), crashes: true where the meter died.
`;

export function draftTable(table: Table, observed: Readonly<Record<TableFraming, readonly Observed[]>>): string {
  const out: Record<string, Record<string, TableEntry | string>> = {};
  for (const f of FRAMINGS) {
    out[f] = {};
    for (const o of observed[f]) {
      const was = table[f][o.id];
      if (was !== undefined && was.verdict === o.verdict && (was.crashes ?? false) === o.crashed) {
        out[f][o.id] = Object.keys(was).length === 1 ? was.verdict : was;
        continue;
      }
      const entry: Record<string, unknown> = { verdict: o.verdict };
      if (o.crashed) entry['crashes'] = true;
      if (o.reason !== undefined) entry['reason'] = o.reason;
      if (o.remarks !== undefined && o.remarks.length > 0) entry['note'] = `remarks: ${o.remarks.join(' / ')}`;
      entry['review'] = was === undefined ? 'new case' : `was ${shown(was.verdict, was.crashes)}${was.defect ? `: ${was.defect}` : ''}`;
      out[f][o.id] = o.verdict === 'passed' && !o.crashed && was === undefined ? 'passed' : (entry as unknown as TableEntry);
    }
  }
  return DRAFT_HEADER + stringify(out, { lineWidth: 0 });
}

export function writeDraft(file: string, text: string): void {
  fs.writeFileSync(file, text);
}
