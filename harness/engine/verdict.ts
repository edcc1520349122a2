/**
 * Verdicts (DESIGN.md, Verdicts) and the errors steps throw to reach them. Attribution decides:
 * a rule the DUT broke fails the case; a precondition the DUT did not meet makes it
 * inconclusive; the profile saying the feature is absent makes it inapplicable; anything the
 * harness, the profile or the rig got wrong makes it broken.
 */
import type { Culprit } from '../../client/api';

/**
 * `passed-with-remarks` (Autobahn's NON-STRICT): every expectation held, but at least one answer
 * was an allowed, not the preferred one; the remarks say which (a Remark each). It keeps a run
 * green: the exit code is that of `passed`.
 */
export type Status = 'passed' | 'passed-with-remarks' | 'failed' | 'inconclusive' | 'inapplicable' | 'broken';

export const STATUSES: readonly Status[] = ['passed', 'passed-with-remarks', 'failed', 'inconclusive', 'inapplicable', 'broken'];

/** A passing verdict: every expectation held (with or without remarks). */
export function isPass(s: Status): boolean {
  return s === 'passed' || s === 'passed-with-remarks';
}

/**
 * An answer the standard allows but does not prefer, or a defect seen outside the case's subject
 * (a teardown): `clause` is the docs/decisions/ record or the spec clause that allows it.
 */
export interface Remark {
  readonly text: string;
  readonly clause: string;
  /** The step (0-based index) that made it; absent for the engine's own cleanup. */
  readonly step?: number;
}

export interface Verdict {
  readonly status: Status;
  readonly reason?: string;
  readonly culprit?: Culprit;
  /** A stable code for the cause when one exists (ClientError/ConfigError code, 'UNREACHABLE', 'STEP_TIMEOUT'). */
  readonly code?: string;
}

/** The DUT broke a rule: `rule` names the clause and requirement, `expected` vs `actual` what differed. */
export class ExpectationFailure extends Error {
  override readonly name = 'ExpectationFailure';
  constructor(
    readonly rule: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`${rule.replace(/\.$/, '')}: expected ${expected}, got ${actual}`);
  }
}

/** The DUT could not be brought into the state the case needs (a precondition), so nothing was judged. */
export class Inconclusive extends Error {
  override readonly name = 'Inconclusive';
}

/** The profile says the DUT lacks what the case needs; reported as skipped with this reason. */
export class Inapplicable extends Error {
  override readonly name = 'Inapplicable';
}

/** The harness or the profile is at fault (not the DUT): the case is broken. */
export class HarnessFault extends Error {
  override readonly name = 'HarnessFault';
  constructor(
    message: string,
    readonly culprit: Exclude<Culprit, 'dut'>,
    readonly code: string,
  ) {
    super(message);
  }
}
