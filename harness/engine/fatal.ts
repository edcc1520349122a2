/**
 * The fatal-failure policy (the CTT stops a run on a dead DUT the same way): a meter that stops
 * answering mid-run would otherwise cost every remaining case its full time-outs. After
 * `after` consecutive cases in which the meter sent not a single byte, the cases left are not
 * run: each is reported broken, culprit rig (a dead meter and a cut line look the same from
 * here), with the reason naming the first silent case, so the summary and reports stay complete.
 */
import type { PlannedCase } from './plan';
import type { CaseResult } from './result';
import { caseBase } from './run-case';

/** Consecutive silent cases that end a run unless told otherwise (`dlmsct run --fatal-after N`). */
export const DEFAULT_FATAL_AFTER = 3;

export type FatalPolicy = { readonly kind: 'stop'; readonly after: number } | { readonly kind: 'continue' };

export const DEFAULT_FATAL_POLICY: FatalPolicy = { kind: 'stop', after: DEFAULT_FATAL_AFTER };

export const FATAL_CODE = 'DUT_NOT_ANSWERING';

export interface FatalWatch {
  /** A result to report instead of running the case, once the policy has stopped the run. */
  preempt(planned: PlannedCase): CaseResult | undefined;
  /** Every result, in run order. */
  observe(result: CaseResult): void;
}

/** The meter said nothing at all during the case: not one received byte, on any link it opened. */
export function silent(r: CaseResult): boolean {
  return r.status !== 'passed' && r.status !== 'passed-with-remarks' && r.status !== 'inapplicable' && !r.trace.some((t) => t.dir === 'rx');
}

export function fatalWatch(policy: FatalPolicy): FatalWatch {
  let run: string[] = [];
  let stoppedBy: string | undefined;
  return {
    preempt(planned) {
      if (stoppedBy === undefined) return undefined;
      if (planned.inapplicable !== undefined) return undefined;
      return notRun(
        planned,
        `meter not answering since case ${stoppedBy} (${run.length} consecutive cases without a single byte from it); not run, so the run ends now (--on-fatal continue runs every case)`,
      );
    },
    observe(r) {
      if (policy.kind === 'continue' || stoppedBy !== undefined || r.code === FATAL_CODE) return;
      if (r.status === 'inapplicable') return;
      run = silent(r) ? [...run, r.id] : [];
      if (run.length >= policy.after) stoppedBy = run[0];
    },
  };
}

function notRun(planned: PlannedCase, reason: string): CaseResult {
  return {
    ...caseBase(planned),
    associations: [],
    remarks: [],
    status: 'broken',
    reason,
    culprit: 'rig',
    code: FATAL_CODE,
    durationMs: 0,
    steps: planned.def.steps.map((call, index) => ({
      index,
      name: call.name,
      args: call.args,
      precondition: call.args['precondition'] === true,
      status: 'not-run' as const,
      notes: [],
      startMs: 0,
      endMs: 0,
    })),
    trace: [{ at: 0, dir: 'event', layers: [], note: reason }],
  };
}
