/**
 * What a step sees while it runs: the profile, this case's client, the last outcome (what the
 * `expect` step judges) and the association currently open. One context per case, made fresh.
 */
import type { AssociateOutcome, AttributeRef, DlmsClient, GetOutcome, ReleaseOutcome } from '../../client/api';
import type { Data } from '../../dlms/axdr/data';
import type { AssociationProfile, Profile } from '../profile/types';
import type { CaseDef } from '../suite/types';

export type LastOutcome =
  | { readonly op: 'associate'; readonly association: AssociationProfile; readonly outcome: AssociateOutcome }
  | { readonly op: 'get'; readonly ref: AttributeRef; readonly outcome: GetOutcome }
  | { readonly op: 'release'; readonly outcome: ReleaseOutcome };

export interface StepContext {
  readonly profile: Profile;
  readonly caseDef: CaseDef;
  /** The association a `forEach: association` case is running for (`$each`). */
  readonly each?: AssociationProfile;
  /** This case's client (a clean link, made for the case). */
  readonly client: DlmsClient;
  /** Another client on a new link, its trace merged into the case's (liveness checks use it). */
  openClient(): DlmsClient;
  last: LastOutcome | undefined;
  /** The association accepted most recently on `client`, until it is released. */
  association: AssociationProfile | undefined;
  readonly vars: Map<string, Data>;
  /** A line for the step's record: what was sent and what came back, in words. */
  note(text: string): void;
}
