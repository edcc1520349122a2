/**
 * The tracing client as the harness sees it. Every method is bounded in time by the profile's
 * timeouts and never throws for a DUT that answers wrongly: what came back (or did not) is an
 * outcome, and the harness judges it. Methods throw only for harness or rig faults
 * (ClientError with a culprit), so a DUT can never crash a run.
 */
import type { Data } from '../dlms/axdr/data';
import type { Secret } from '../dlms/secret';
import type { TraceRecord } from '../dlms/trace';
import type { HlsParams, SecureSession, SecurityParams } from './security-context';
import type { HdlcAddress } from '../dlms/hdlc/address';
import type { HdlcSettings } from '../dlms/hdlc/parameters';

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
  /** HDLC: retransmissions of an unanswered poll before the link is given up (default 0: a silence is reported, not hidden). */
  readonly retries?: number;
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
  /** ACSE fields and InitiateRequest fields a case sets or overrides (AARQ variations); absent: the normal AARQ. */
  readonly aarq?: AarqOverrides;
  /** Ciphering, keys and system titles (Green Book 9.2); needed for HLS-GMAC/ECDSA and every ciphered context. */
  readonly security?: SecurityParams;
  /** HLS (mechanisms 2..7): the secret, the manufacturer's algorithm, and deliberate mistakes for negative cases. */
  readonly hls?: HlsParams;
}

/**
 * The AARQ fields a conformance case varies (Green Book 9.3.2, ISO/IEC 8650-1 as profiled by
 * DLMS; InitiateRequest, Green Book 9.4.6). Every one is optional: what is absent is what the
 * client sends for the association anyway.
 */
export interface AarqOverrides {
  /** protocol-version as its bits, first bit (version1) first: '1', '100001', '01'. Absent: the field is left out (DEFAULT version1). */
  readonly protocolVersion?: string;
  /** application-context-name: a Green Book name ('logical-name', 'short-name-with-ciphering', …) or a dotted OID. */
  readonly applicationContextName?: string;
  readonly calledApTitle?: Uint8Array;
  readonly calledAeQualifier?: Uint8Array;
  readonly calledApInvocationId?: number;
  readonly calledAeInvocationId?: number;
  readonly callingApTitle?: Uint8Array;
  readonly callingAeQualifier?: Uint8Array;
  readonly callingApInvocationId?: number;
  readonly callingAeInvocationId?: number;
  /** sender-acse-requirements: the authentication functional unit selected, or the field left out. Default: selected when a mechanism is used. */
  readonly acseRequirements?: 'authentication' | 'absent';
  /** mechanism-name: a Green Book name ('low', 'high', …), a dotted OID, or 'absent'. Default: the association's. */
  readonly mechanismName?: string;
  /** Leave calling-authentication-value out even when the mechanism needs one. */
  readonly omitAuthenticationValue?: boolean;
  /** InitiateRequest dedicated-key (only meaningful in a ciphered context). */
  readonly dedicatedKey?: Secret;
  /** InitiateRequest proposed-quality-of-service (not used by DLMS/COSEM). */
  readonly proposedQualityOfService?: number;
  /** InitiateRequest response-allowed, encoded explicitly. */
  readonly responseAllowed?: boolean;
}

export type { HlsParams, SecurityParams, SecureSession } from './security-context';

/** Result of an association attempt, as the AARE said it (Green Book 9.3.2, IEC 61850-8-1 ACSE). */
export type AssociateOutcome =
  | {
      readonly kind: 'accepted';
      readonly negotiatedConformance: readonly string[];
      readonly serverMaxReceivePduSize: number;
      readonly dlmsVersion: number;
      /** The AARE's application-context-name, as a Green Book name when it has one, else the OID. */
      readonly applicationContextName?: string;
      /** InitiateResponse vaa-name: 0x0007 for LN, the current Association SN base name for SN. */
      readonly vaaName?: number;
      readonly negotiatedQualityOfService?: number;
      /**
       * The AARE's authentication fields (Green Book 9.3.2), when it carries any: whether
       * responder-acse-requirements sets the authentication functional unit, the mechanism-name
       * (a Green Book name when it has one, else the OID), whether a responding-authentication-value came.
       */
      readonly authentication?: { readonly functionalUnit: boolean; readonly mechanismName?: string; readonly respondingValue: boolean };
    }
  | {
      readonly kind: 'rejected';
      readonly result: 'rejected-permanent' | 'rejected-transient';
      readonly diagnosticSource: 'acse-service-user' | 'acse-service-provider';
      /** The diagnostic's name as in the standard: 'authentication-failure', 'no-reason-given', … */
      readonly diagnostic: string;
      /**
       * The xDLMS error in the user-information, when present: the initiate value name
       * ('dlms-version-too-low', …) for confirmed-service-error initiateError / initiate, else
       * `service: choice value`.
       */
      readonly initiateError?: string;
    }
  /**
   * The AARE accepted an HLS association but pass 3 or 4 failed (Green Book 9.2.7.4): the server
   * refused our f(StoC) (pass 3), or its f(CtoS) did not verify (pass 4). Not associated.
   */
  | {
      readonly kind: 'hls-failed';
      readonly pass: 3 | 4;
      readonly detail: string;
      /** The refusal took an allowed but not preferred form (docs/decisions/hls-pass-3-refusal.md): the case carries this remark. */
      readonly remark?: { readonly text: string; readonly clause: string };
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

/** RLRQ fields (Green Book 9.3.3): reason [0] and user-information [30] (an InitiateRequest). */
export interface ReleaseOptions {
  readonly reason?: 'normal' | 'urgent' | 'user-defined';
  /** Carry the association's InitiateRequest in the RLRQ user-information (default: in a ciphered association yes, protected; otherwise no). */
  readonly userInformation?: boolean;
  /** In a ciphered association: carry it unprotected (the negative case of Green Book 9.3.3). */
  readonly unprotectedUserInformation?: boolean;
}

export type ReleaseOutcome =
  | {
      readonly kind: 'released';
      readonly reason?: string;
      /** The type of the xDLMS APDU in the RLRE user-information, when there is one. */
      readonly userInformation?: string;
    }
  /**
   * The RLRQ refused at the xDLMS level (real-meter.md section 2: an unprotected RLRQ in a
   * ciphered association answered `D8 01 02`); the association stays. Judged by the case.
   */
  | ExceptionOutcome
  | ConfirmedServiceErrorOutcome
  | SilenceOutcome
  | MalformedOutcome;

export type ConnectOutcome =
  | { readonly kind: 'connected'; readonly note: string }
  /** The DUT refused the link (HDLC DM in answer to SNRM). */
  | { readonly kind: 'refused'; readonly note: string }
  | SilenceOutcome
  | MalformedOutcome;

/** A short name (Green Book 9.3: base name + attribute offset), with optional parameterized access. */
export interface SnVariable {
  readonly variableName: number;
  readonly parameterized?: { readonly selector: number; readonly parameter: Data };
}

export interface SnWriteItem {
  readonly variableName: number;
  readonly data: Data;
}

/** One ReadResponse element: the data, or the data-access-error by its Green Book name. */
export type SnReadResult = { readonly kind: 'data'; readonly data: Data } | { readonly kind: 'data-access-result'; readonly result: string };

export type ReadOutcome =
  | { readonly kind: 'read'; readonly results: readonly SnReadResult[]; readonly blocks: number }
  | ExceptionOutcome
  | ConfirmedServiceErrorOutcome
  | SilenceOutcome
  | MalformedOutcome;

export type SnWriteResult = { readonly kind: 'success' } | { readonly kind: 'data-access-result'; readonly result: string };

export type WriteOutcome =
  | { readonly kind: 'written'; readonly results: readonly SnWriteResult[] }
  | ExceptionOutcome
  | ConfirmedServiceErrorOutcome
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

/** A method of an object, for ACTION (Green Book 9.3.8, Cosem-Method-Descriptor). */
export interface MethodRef {
  readonly classId: number;
  readonly obis: string;
  readonly method: number;
}

/** One entry of a GET with-list answer: the data, or the data-access-result for that attribute. */
export type GetListEntry = { readonly kind: 'data'; readonly data: Data } | { readonly kind: 'data-access-result'; readonly result: string };

/** Outcomes every confirmed service shares besides its own answer. */
export type ServiceFailure = ExceptionOutcome | ConfirmedServiceErrorOutcome | SilenceOutcome | MalformedOutcome;

/** GET with-list (Green Book 9.3.6): one entry per attribute asked, in order; `blocks` > 0 when it came in blocks. */
export type GetListOutcome = { readonly kind: 'results'; readonly results: readonly GetListEntry[]; readonly blocks: number } | ServiceFailure;

/** SET (Green Book 9.3.7): the data-access-result; `blocks` > 0 when the value went in blocks. */
export type SetOutcome = { readonly kind: 'set-result'; readonly result: string; readonly blocks: number } | ServiceFailure;

/** SET with-list: one data-access-result per attribute, in order. */
export type SetListOutcome = { readonly kind: 'set-results'; readonly results: readonly string[]; readonly blocks: number } | ServiceFailure;

/**
 * ACTION (Green Book 9.3.8): the action-result, and the return parameters when the server sent
 * some (data, or a data-access-result in their place); `blocks` > 0 when parameters went in pblocks.
 */
export type ActionOutcome =
  { readonly kind: 'action-result'; readonly result: string; readonly returnData?: GetListEntry; readonly blocks: number } | ServiceFailure;

/** One item of an ACCESS request (Green Book 9.3.x Access-Request-Specification): a GET, a SET with its value, or an ACTION with its parameters. */
export type AccessItem =
  | { readonly kind: 'get'; readonly ref: AttributeRef }
  | { readonly kind: 'set'; readonly ref: AttributeRef; readonly value: Data }
  | { readonly kind: 'action'; readonly ref: MethodRef; readonly parameters?: Data };

/** One item's answer: its kind, its data-access-result or action-result by name, and its list-of-data entry (null-data when none). */
export interface AccessItemResult {
  readonly kind: 'get' | 'set' | 'action';
  readonly result: string;
  readonly data: Data;
}

/** ACCESS (Green Book 9.3.x): one answer per item, in order. */
export type AccessOutcome = { readonly kind: 'access-results'; readonly results: readonly AccessItemResult[] } | ServiceFailure;

/** An APDU the server pushed (Green Book 9.3.x DataNotification, EventNotificationRequest). */
export type NotificationOutcome =
  | {
      readonly kind: 'data-notification';
      readonly longInvokeId: number;
      /** date-time as sent: empty, or 12 octets. */
      readonly dateTime: Uint8Array;
      readonly body: Data;
    }
  | { readonly kind: 'event-notification'; readonly attribute: AttributeRef; readonly value: Data; readonly time?: Uint8Array }
  | SilenceOutcome
  | MalformedOutcome;

/** HDLC: what the SNRM proposes for one connection, over the profile's values (Green Book 8.4.5.3.2). */
export interface LinkProposal {
  readonly maxInfoTx?: number;
  readonly maxInfoRx?: number;
  readonly windowTx?: number;
  readonly windowRx?: number;
  /** Send information fields of at most this many bytes, below the negotiated maximum. */
  readonly segmentLimit?: number;
}

/** The HDLC link as the client holds it: its addresses and the link machine's bookkeeping. */
export interface HdlcLinkView {
  readonly client: HdlcAddress;
  readonly server: HdlcAddress;
  /** NDM, connecting, NRM, disconnecting. */
  readonly mode: string;
  readonly vs: number;
  readonly vr: number;
  /** Negotiated, from the client's side. */
  readonly settings: HdlcSettings;
}

export type RawFrameArrival =
  { readonly kind: 'frame'; readonly bytes: Uint8Array } | { readonly kind: 'silence'; readonly waitedMs: number } | { readonly kind: 'closed' };

/**
 * Frame-level access for negative tests (HDLC only): bytes go out exactly as given and frames
 * come back exactly as received, whatever their address, all recorded in the trace. The link
 * machine does not see them: after raw frames, a case proves liveness on a new link.
 */
export interface RawFrameAccess {
  /** Opens the transport when no link is open, without SNRM, for the client address of `clientSap`. */
  open(clientSap?: number): Promise<void>;
  sendRawFrame(bytes: Uint8Array, note?: string): Promise<void>;
  /** The next whole frame from the DUT, or silence after `timeoutMs`. */
  nextFrame(timeoutMs: number): Promise<RawFrameArrival>;
  /** The HDLC link's addresses and bookkeeping; undefined when no HDLC link is open. */
  link(): HdlcLinkView | undefined;
}

export interface DlmsClient {
  /** Every frame and event since the client was made, in order. */
  readonly trace: readonly TraceRecord[];
  /** Remarks on the link itself (an opening the profile tolerates), for every case that used it. */
  readonly remarks?: readonly { readonly text: string; readonly clause: string }[];
  /**
   * Opens the transport (p-retry for the connection only) and, for HDLC, SNRM/UA from the
   * client address of `clientSap` (default 16, the public client). `associate` connects by
   * itself when needed, and reconnects when HDLC needs another client address.
   */
  connect(clientSap?: number, proposal?: LinkProposal): Promise<ConnectOutcome>;
  associate(params: AssociationParams): Promise<AssociateOutcome>;
  get(ref: AttributeRef): Promise<GetOutcome>;
  /** GET with-list (needs multiple-references); a long answer is fetched in blocks transparently. */
  getWithList(refs: readonly AttributeRef[]): Promise<GetListOutcome>;
  /** SET; a value longer than the server's max receive PDU size goes in blocks when negotiated. */
  set(ref: AttributeRef, value: Data): Promise<SetOutcome>;
  setWithList(refs: readonly AttributeRef[], values: readonly Data[]): Promise<SetListOutcome>;
  /** ACTION; parameters longer than the server's max receive PDU size go in pblocks when negotiated. */
  action(ref: MethodRef, parameters?: Data): Promise<ActionOutcome>;
  /** ACCESS (needs `access`): several GET, SET and ACTION items in one request, answered item by item. */
  access(items: readonly AccessItem[], options?: { readonly breakOnError?: boolean }): Promise<AccessOutcome>;
  /**
   * The next pushed notification: one that arrived earlier (while another answer was awaited) or
   * one that arrives within `timeoutMs` (default: the response timeout). Over HDLC the client
   * gives the server the right to talk with an empty UI frame first.
   */
  receiveNotification(timeoutMs?: number): Promise<NotificationOutcome>;
  /** Calls `listener` with every notification the client receives, however it arrives. */
  onNotification(listener: (n: NotificationOutcome) => void): void;
  /** Short-name READ of one or more variables (Green Book 9.3 ReadRequest), block transfer included. */
  read(variables: readonly SnVariable[]): Promise<ReadOutcome>;
  /** Short-name WRITE (Green Book 9.3 WriteRequest), one value per variable. */
  write(items: readonly SnWriteItem[]): Promise<WriteOutcome>;
  release(options?: ReleaseOptions): Promise<ReleaseOutcome>;
  /** An association is open on a live link (the engine's cleanup releases it). */
  isAssociated?(): boolean;
  /** DISC/UA for HDLC; then the transport closes. Never throws. */
  disconnect(): Promise<void>;
  /** Frame-level access (HDLC framing only); absent for clients that cannot give it. */
  readonly raw?: RawFrameAccess;
  /** The security session of the open association (ciphering, counters, raw protected exchanges), if it has one. */
  security?(): SecureSession | undefined;
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
