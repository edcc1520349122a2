/**
 * The shapes of the HDLC link state machine (IEC 62056-46 / Green Book 8.4.4 and 8.4.5): its
 * configuration, its state (plain readonly data), the events it takes and the actions it
 * returns. The machine itself is link.ts (dispatch), link-client.ts and link-server.ts.
 */
import type { HdlcAddress } from './address';
import type { FrameOfType, HdlcFrame } from './frame';
import type { HdlcParameterName, HdlcSettings } from './parameters';
import type { Reassembly, Segment } from './segments';

export type LinkRole = 'client' | 'server';
/**
 * NDM: normal disconnected mode; NRM: normal response mode (Green Book 8.4.4). `connecting` and
 * `disconnecting` are the client's waits for UA; `frame-reject` is the server's state after it
 * sent FRMR, left only by SNRM or DISC (ISO/IEC 13239 5.5.3.4.4).
 */
export type LinkMode = 'NDM' | 'connecting' | 'NRM' | 'disconnecting' | 'frame-reject';

export interface LinkConfig {
  readonly role: LinkRole;
  readonly local: HdlcAddress;
  /** The peer; a server without one serves whichever client connects. */
  readonly remote?: HdlcAddress;
  /**
   * Server: further forms of its own address it answers to (Green Book 8.4.2.2: the same
   * upper/lower address in another size). A reply leaves from the form the client used.
   */
  readonly aliases?: readonly HdlcAddress[];
  /** Client: what it proposes. Server: the most it supports. Own point of view. */
  readonly settings: HdlcSettings;
  /** Client: put the parameters in the SNRM (default true); an empty SNRM proposes the defaults. */
  readonly proposeParameters?: boolean;
  /** Value widths in the SNRM or UA parameters; default the fewest bytes (parameters.ts). */
  readonly parameterSizes?: Partial<Record<HdlcParameterName, number>>;
  /** Client: how long to wait for the answer to a poll before retransmitting. */
  readonly responseTimeoutMs: number;
  /** Client: retransmissions before the link is declared lost. */
  readonly maxRetries: number;
  /**
   * Largest information field this side sends, when below the negotiated maximum. Gurux's
   * meter, for one, sends 125-byte segments under a 128-byte maximum; default the maximum.
   */
  readonly segmentLimit?: number;
  /** Largest reassembled message accepted. */
  readonly maxMessageSize?: number;
  /**
   * Server: NRM ends when no frame for this station arrives for this long (Blue Book 4.7.2,
   * IEC HDLC setup inactivity_time_out); undefined or 0: never.
   */
  readonly inactivityTimeoutMs?: number;
}

export type IFrame = FrameOfType<'I'>;

export interface LinkState {
  readonly config: LinkConfig;
  readonly mode: LinkMode;
  readonly peer: HdlcAddress | undefined;
  /** The form of the local address in use: a server answers from the address the client used. */
  readonly self: HdlcAddress;
  /** Negotiated, own point of view. */
  readonly settings: HdlcSettings;
  /** V(S): N(S) of the next new I frame. */
  readonly vs: number;
  /** V(R): the N(S) expected next from the peer. */
  readonly vr: number;
  /** Segments not sent yet. */
  readonly outbox: readonly Segment[];
  /** I frames sent and not yet acknowledged, oldest first. */
  readonly unacked: readonly IFrame[];
  readonly reassembly: Reassembly;
  /** Client: a poll is out and unanswered. Server: a poll was received and is not yet answered. */
  readonly poll: boolean;
  /** Client: the frames of the outstanding poll, sent again on timeout. */
  readonly pending: readonly HdlcFrame[];
  /** Client: I frames received since the last poll (the peer's window is counted against it). */
  readonly received: number;
  /** When to deliver a `tick`: the client's response timeout, the server's inactivity timeout. */
  readonly deadline: number | undefined;
  readonly retries: number;
  /** Server in `frame-reject`: the FRMR information field, repeated until SNRM or DISC. */
  readonly rejection: Uint8Array | undefined;
}

export type LinkEvent =
  | { readonly type: 'connect' }
  | { readonly type: 'disconnect' }
  /** A message to send: the LLC header and APDU, which the link segments. */
  | { readonly type: 'send'; readonly payload: Uint8Array }
  /**
   * A message in one UI frame (Green Book 8.4.3.4: unnumbered information, no acknowledgement).
   * Client: `poll` sets P, giving the server the right to send what it holds (DLMS UA event
   * reporting: an empty UI with P). Server: the UI answers a held poll, with F.
   */
  | { readonly type: 'send-ui'; readonly payload: Uint8Array; readonly poll?: boolean }
  /** Server: the upper layer has nothing to send for the request just delivered: free the poll with RR. */
  | { readonly type: 'nothing-to-send' }
  /** Client: poll the server (RR with P) when no poll is out, to collect a response it holds. */
  | { readonly type: 'poll' }
  | { readonly type: 'receive'; readonly frame: HdlcFrame }
  | { readonly type: 'tick' };

export type DisconnectReason = 'disc' | 'ua' | 'dm' | 'frmr' | 'timeout' | 'inactivity' | 'bad-parameters';

export type LinkAction =
  | { readonly type: 'transmit'; readonly frame: HdlcFrame; readonly retransmission: boolean }
  /** A whole message from the peer; `unnumbered` when it came in a UI frame. */
  | { readonly type: 'deliver'; readonly payload: Uint8Array; readonly unnumbered?: true }
  | { readonly type: 'connected'; readonly settings: HdlcSettings }
  | { readonly type: 'disconnected'; readonly reason: DisconnectReason }
  /** The peer broke a rule of the link layer; `code` is stable (docs/error-codes/hdlc.md). */
  | { readonly type: 'violation'; readonly code: string; readonly expected: string; readonly actual: string }
  | { readonly type: 'ignored'; readonly frame: HdlcFrame; readonly reason: string }
  /** Client: the response timeout passed; `retransmitting` false means the link is given up. */
  | { readonly type: 'timeout'; readonly waitedMs: number; readonly retransmitting: boolean };

export interface LinkResult {
  readonly state: LinkState;
  readonly actions: readonly LinkAction[];
}

/** Thrown for a local event the current mode cannot take: a harness bug, never a DUT fault. */
export class LinkUsageError extends Error {
  override readonly name = 'LinkUsageError';
}

/** What selects a transition: a local event, or a received frame by type. */
export type Trigger = Exclude<LinkEvent['type'], 'receive'> | `receive:${HdlcFrame['type']}`;
export type Handler = (s: LinkState, e: LinkEvent, now: number) => LinkResult;
export type ModeTable = Readonly<Record<LinkMode, Partial<Record<Trigger, Handler>>>>;
