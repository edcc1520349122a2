/**
 * The verdicts a suite language migration must leave as they were
 * (fixtures/verdicts-before-language.json, captured by fixtures/capture-verdicts.ts): every case
 * on both simulator profiles, and every case under each fault that a case names, with the step
 * at which it fails.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CaseResult } from '../../harness/engine/result';

export interface FaultVerdict {
  readonly status: string;
  /** The failing step, counted by `outcomeStep`. */
  readonly step?: number;
}

export interface VerdictsBefore {
  readonly note: string;
  /** Profile file → result id → status. */
  readonly verdicts: Record<string, Record<string, string>>;
  /** Fault → result id → verdict. */
  readonly faults: Record<string, Record<string, FaultVerdict>>;
}

export const VERDICTS_BEFORE_FILE = path.join(__dirname, 'fixtures/verdicts-before-language.json');

export function readVerdictsBefore(): VerdictsBefore {
  return JSON.parse(fs.readFileSync(VERDICTS_BEFORE_FILE, 'utf8')) as VerdictsBefore;
}

/**
 * The failing step's number with every separate `expect` step counted as part of the request
 * before it, as the migrated suites count it (the request and its inline `expect:` are one step).
 */
export function outcomeStep(r: CaseResult): number | undefined {
  const failing = r.steps.find((st) => st.status !== 'passed' && st.status !== 'not-run');
  if (!failing) return undefined;
  return r.steps.slice(0, failing.index + 1).filter((st) => st.name !== 'expect').length;
}

/** What a fault run's result was, as the fixture records it. */
export function faultVerdict(r: CaseResult): FaultVerdict {
  const step = r.status === 'failed' || r.status === 'broken' ? outcomeStep(r) : undefined;
  return step === undefined ? { status: r.status } : { status: r.status, step };
}
