/**
 * What a step sees while it runs: the profile, this case's client, the last outcome (what the
 * `expect` step judges) and the association currently open. One context per case, made fresh.
 */
import type {
  ActionOutcome,
  AssociateOutcome,
  AttributeRef,
  DlmsClient,
  GetListOutcome,
  GetOutcome,
  MethodRef,
  NotificationOutcome,
  ReadOutcome,
  ReleaseOutcome,
  SetListOutcome,
  SetOutcome,
  WriteOutcome,
} from '../../client/api';
import type { Data } from '../../dlms/axdr/data';
import type { AssociationProfile, Profile } from '../profile/types';
import type { CaseDef } from '../suite/types';
import type { CaseAttachment, StepRecord } from '../engine/result';

export type LastOutcome =
  | { readonly op: 'associate'; readonly association: AssociationProfile; readonly outcome: AssociateOutcome }
  | { readonly op: 'get'; readonly ref: AttributeRef; readonly outcome: GetOutcome }
  | { readonly op: 'release'; readonly outcome: ReleaseOutcome }
  | { readonly op: 'read'; readonly outcome: ReadOutcome }
  | { readonly op: 'write'; readonly outcome: WriteOutcome }
  | { readonly op: 'set'; readonly ref: AttributeRef; readonly outcome: SetOutcome }
  | { readonly op: 'set-with-list'; readonly outcome: SetListOutcome }
  | { readonly op: 'action'; readonly ref: MethodRef; readonly outcome: ActionOutcome }
  | { readonly op: 'get-with-list'; readonly outcome: GetListOutcome }
  | { readonly op: 'notification'; readonly outcome: NotificationOutcome };

export interface StepContext {
  readonly profile: Profile;
  readonly caseDef: CaseDef;
  /** The association a `forEach: association` case is running for (`$each`). */
  readonly each?: AssociationProfile;
  /**
   * The referencing this instance speaks, when the plan runs the case in both (a profile with LN
   * and SN associations): the default association and selectors are taken among its associations.
   */
  readonly referencing?: 'ln' | 'sn';
  /** The association the engine chose for the case's `needs:` (`$granted`). */
  readonly granted?: AssociationProfile;
  /** This case's client (a clean link, made for the case). */
  readonly client: DlmsClient;
  /** Another client on a new link, its trace merged into the case's (liveness checks use it). */
  openClient(): DlmsClient;
  last: LastOutcome | undefined;
  /** The association accepted most recently on `client`, until it is released. */
  association: AssociationProfile | undefined;
  readonly vars: Map<string, Data>;
  /** The index of the running step in `caseDef.steps` (teardown.ts reads what follows it). */
  step?: number;
  /** Names of the associations the case's steps resolved, for the report's parameters. */
  readonly used: Set<string>;
  /** A line for the step's record: what was sent and what came back, in words. */
  note(text: string): void;
  /**
   * The answer held, but it is allowed rather than preferred (or a defect outside the case's
   * subject was seen): the case passes with remarks. `clause` names the docs/decisions/ record or
   * the spec clause that allows it.
   */
  remark(text: string, clause: string): void;
  /** A file for the report, beside the trace (a table of rows read, a chart). */
  attach?(attachment: CaseAttachment): void;
  /** A sub-step of the running step's record (generator steps: one per object). */
  substep?(record: StepRecord): void;
  /** Milliseconds since the case started, for sub-step records (trace `at` uses the same origin). */
  elapsed?(): number;
}
