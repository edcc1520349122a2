/** What running a case produces: the verdict, one record per step, and the merged frame trace. */
import type { Culprit } from '../../client/api';
import type { TraceRecord } from '../../dlms/trace';
import type { Remark, Status } from './verdict';

export type StepStatus = Status | 'not-run';

export interface StepRecord {
  readonly index: number;
  readonly name: string;
  /** As written in the suite (suites hold no secrets: passwords are only ever `wrong`). */
  readonly args: Readonly<Record<string, unknown>>;
  readonly precondition: boolean;
  readonly status: StepStatus;
  /** What was sent and what came back, in words, one line each. */
  readonly notes: readonly string[];
  /** Why the step did not pass. */
  readonly message?: string;
  /** Milliseconds since the case started: the step's trace records lie in [startMs, endMs]. */
  readonly startMs: number;
  readonly endMs: number;
  /** What a generator step (each.object, check.attributes) did per object, in order. */
  readonly substeps?: readonly StepRecord[];
}

/** A file a step made for the report (DESIGN.md: where people would rather look than read, attach an SVG). */
export interface CaseAttachment {
  readonly name: string;
  readonly content: string;
  readonly contentType: 'text/csv' | 'image/svg+xml' | 'text/plain';
  readonly fileExtension: string;
}

export interface CaseResult {
  /** The case id; `ID[association]` for a case run once per association. */
  readonly id: string;
  readonly caseId: string;
  readonly title: string;
  readonly suite: string;
  readonly spec: string;
  readonly requirement: string;
  readonly tags: readonly string[];
  readonly detects: readonly string[];
  /** The association a `forEach: association` case ran for. */
  readonly association?: string;
  /** The referencing the instance spoke, for a case run in both on a profile with LN and SN associations (`ID[sn]`, plan.ts). */
  readonly referencing?: 'ln' | 'sn';
  /** Every association the case's steps used, by profile name. */
  readonly associations: readonly string[];
  readonly status: Status;
  /** Allowed but not preferred answers, and defects seen outside the subject (teardown); any verdict may carry them. */
  readonly remarks: readonly Remark[];
  readonly reason?: string;
  readonly culprit?: Culprit;
  readonly code?: string;
  readonly durationMs: number;
  readonly steps: readonly StepRecord[];
  /** What a step attached for people to look at (a table, a chart): written to the report as it is. */
  readonly attachments?: readonly CaseAttachment[];
  /** Every frame and event of every link the case opened, `at` relative to the case start. */
  readonly trace: readonly TraceRecord[];
}
