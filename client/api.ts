/**
 * The tracing client as the harness sees it. Every method is bounded in time by the profile's
 * timeouts and never throws for a DUT that answers wrongly: what came back (or did not) is an
 * outcome, and the harness judges it. Methods throw only for harness or rig faults
 * (ClientError with a culprit), so a DUT can never crash a run.
 */
import type { Data } from '../dlms/axdr/data';
import type { Secret } from '../dlms/secret';
import type { TraceRecord } from '../dlms/trace';

export type Framing = 'hdlc' | 'wrapper';

export interface LinkSettings {
  readonly framing: Framing;
  /** HDLC addressing (Green Book 8.4.2.2); ignored for the wrapper. */
  readonly serverLogical: number;
  readonly serverPhysical?: number;
  readonly addressSize: 1 | 2 | 4;
  readonly maxInfoTx?: number;
  readonly maxInfoRx?: number;
  readonly window?: number;
  readonly responseTimeoutMs: number;
  readonly interFrameTimeoutMs: number;
}

export type Authentication = 'none' | 'low' | 'hls-manufacturer' | 'hls-md5' | 'hls-sha1' | 'hls-gmac' | 'hls-sha256' | 'hls-ecdsa';

export interface AssociationParams {
  readonly name: string;
  readonly clientSap: number;
  readonly referencing: 'ln' | 'sn';
  readonly authentication: Authentication;
  readonly password?: Secret;
  /** Proposed conformance block as service names (Green Book 9.4.6.1); default: what the client supports. */
  readonly conformance?: readonly string[];
  readonly maxReceivePduSize?: number;
  readonly dlmsVersion?: number;
}

/** Result of an association attempt, as the AARE said it (Green Book 9.3.2, IEC 61850-8-1 ACSE). */
export type AssociateOutcome =
  | {
      readonly kind: 'accepted';
      readonly negotiatedConformance: readonly string[];
      readonly serverMaxReceivePduSize: number;
      readonly dlmsVersion: number;
    }
  | {
      readonly kind: 'rejected';
      readonly result: 'rejected-permanent' | 'rejected-transient';
      readonly diagnosticSource: 'acse-service-user' | 'acse-service-provider';
      /** The diagnostic's name as in the standard: 'authentication-failure', 'no-reason-given', … */
      readonly diagnostic: string;
      /** An xDLMS initiate error in the user-information, when present ('dlms-version-too-low', …). */
      readonly initiateError?: string;
    }
  | SilenceOutcome
  | MalformedOutcome;

export interface AttributeRef {
  readonly classId: number;
  readonly obis: string;
  readonly attribute: number;
  readonly selector?: { readonly selector: number; readonly parameters: Data };
}

export type GetOutcome =
  | { readonly kind: 'data'; readonly data: Data; readonly blocks: number }
  | { readonly kind: 'data-access-result'; readonly result: string }
  | ExceptionOutcome
  | ConfirmedServiceErrorOutcome
  | SilenceOutcome
  | MalformedOutcome;

/** confirmed-service-error (Green Book 9.5): the service and the ServiceError choice and value. */
export interface ConfirmedServiceErrorOutcome {
  readonly kind: 'confirmed-service-error';
  readonly service: string;
  readonly error: string;
  readonly value: string;
}

export type ReleaseOutcome =
  | { readonly kind: 'released'; readonly reason?: string }
  | SilenceOutcome
  | MalformedOutcome;

export type ConnectOutcome =
  | { readonly kind: 'connected'; readonly note: string }
  /** The DUT refused the link (HDLC DM in answer to SNRM). */
  | { readonly kind: 'refused'; readonly note: string }
  | SilenceOutcome
  | MalformedOutcome;

export interface ExceptionOutcome {
  readonly kind: 'exception';
  /** exception-response (Green Book 9.5): state-error and service-error names. */
  readonly stateError: string;
  readonly serviceError: string;
}

export interface SilenceOutcome {
  readonly kind: 'silence';
  readonly waitedMs: number;
}

/** The DUT answered with bytes that do not decode, or with the wrong APDU. */
export interface MalformedOutcome {
  readonly kind: 'malformed';
  readonly code: string;
  readonly offset: number;
  readonly expected: string;
  readonly actual: string;
}

export interface DlmsClient {
  /** Every frame and event since the client was made, in order. */
  readonly trace: readonly TraceRecord[];
  /**
   * Opens the transport (p-retry for the connection only) and, for HDLC, SNRM/UA from the
   * client address of `clientSap` (default 16, the public client). `associate` connects by
   * itself when needed, and reconnects when HDLC needs another client address.
   */
  connect(clientSap?: number): Promise<ConnectOutcome>;
  associate(params: AssociationParams): Promise<AssociateOutcome>;
  get(ref: AttributeRef): Promise<GetOutcome>;
  release(): Promise<ReleaseOutcome>;
  /** DISC/UA for HDLC; then the transport closes. Never throws. */
  disconnect(): Promise<void>;
}

export type Culprit = 'dut' | 'profile' | 'rig' | 'harness';

export class ClientError extends Error {
  override readonly name = 'ClientError';
  constructor(
    message: string,
    readonly culprit: Culprit,
    readonly code: string,
  ) {
    super(message);
  }
}
