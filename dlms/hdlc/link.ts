/**
 * The HDLC link as a sans-IO state machine (IEC 62056-46 / Green Book 8.4.4 and 8.4.5): modes
 * NDM and NRM, SNRM/UA negotiation, N(S)/N(R) with a window, segmentation with RR polling,
 * retransmission on timeout, DISC/DM/UA. One machine serves both ends: the client is the
 * primary station (it polls, and times out), the server the secondary (it answers polls).
 *
 * `step(state, event, nowMs)` returns the next state and the actions to perform; it never
 * reads a clock, sets a timer or touches a socket. Time enters with each event; the caller
 * delivers a `tick` at `state.deadline`. Which handler runs is data: `TRANSITIONS[role][mode]`.
 *
 * Peer faults are not exceptions: they come out as `violation` actions carrying a stable code,
 * so the harness can judge them. Misuse by the caller (sending while disconnected) throws.
 */
import { isDecodeError } from '../bytes/decode-error';
import { addressEquals, type HdlcAddress } from './address';
import { SEQUENCE_MODULUS } from './control';
import type { FrameOfType, HdlcFrame } from './frame';
import { clientAccepts, serverAccepts } from './negotiation';
import { DEFAULT_SETTINGS, infoOfParameters, parameterList, parametersOfInfo, settingsOf, type HdlcParameterName, type HdlcSettings } from './parameters';
import { addSegment, EMPTY_REASSEMBLY, splitSegments, type Reassembly, type Segment } from './segments';

export type LinkRole = 'client' | 'server';
/** NDM: normal disconnected mode; NRM: normal response mode (Green Book 8.4.4). */
export type LinkMode = 'NDM' | 'connecting' | 'NRM' | 'disconnecting';

export interface LinkConfig {
  readonly role: LinkRole;
  readonly local: HdlcAddress;
  /** The peer; a server without one serves whichever client connects. */
  readonly remote?: HdlcAddress;
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
}

type IFrame = FrameOfType<'I'>;

export interface LinkState {
  readonly config: LinkConfig;
  readonly mode: LinkMode;
  readonly peer: HdlcAddress | undefined;
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
  /** When to deliver a `tick`; undefined when nothing is timed. */
  readonly deadline: number | undefined;
  readonly retries: number;
}

export type LinkEvent =
  | { readonly type: 'connect' }
  | { readonly type: 'disconnect' }
  /** A message to send: the LLC header and APDU, which the link segments. */
  | { readonly type: 'send'; readonly payload: Uint8Array }
  | { readonly type: 'receive'; readonly frame: HdlcFrame }
  | { readonly type: 'tick' };

export type DisconnectReason = 'disc' | 'ua' | 'dm' | 'frmr' | 'timeout' | 'bad-parameters';

export type LinkAction =
  | { readonly type: 'transmit'; readonly frame: HdlcFrame; readonly retransmission: boolean }
  | { readonly type: 'deliver'; readonly payload: Uint8Array }
  | { readonly type: 'connected'; readonly settings: HdlcSettings }
  | { readonly type: 'disconnected'; readonly reason: DisconnectReason }
  /** The peer broke a rule of the link layer; `code` is stable (docs/error-codes/hdlc.md). */
  | { readonly type: 'violation'; readonly code: string; readonly detail: string }
  | { readonly type: 'ignored'; readonly frame: HdlcFrame; readonly reason: string };

export interface LinkResult {
  readonly state: LinkState;
  readonly actions: readonly LinkAction[];
}

/** Thrown for a local event the current mode cannot take: a harness bug, never a DUT fault. */
export class LinkUsageError extends Error {
  override readonly name = 'LinkUsageError';
}

export function initialLinkState(config: LinkConfig): LinkState {
  return {
    config,
    mode: 'NDM',
    peer: config.remote,
    settings: DEFAULT_SETTINGS,
    vs: 0,
    vr: 0,
    outbox: [],
    unacked: [],
    reassembly: EMPTY_REASSEMBLY,
    poll: false,
    pending: [],
    deadline: undefined,
    retries: 0,
  };
}

type Trigger = Exclude<LinkEvent['type'], 'receive'> | `receive:${HdlcFrame['type']}`;
type Handler = (s: LinkState, e: LinkEvent, now: number) => LinkResult;

export function step(s: LinkState, e: LinkEvent, now: number): LinkResult {
  if (e.type === 'tick' && (s.deadline === undefined || now < s.deadline)) return { state: s, actions: [] };
  if (e.type === 'receive') {
    const reason = misaddressed(s, e.frame);
    if (reason !== undefined) return { state: s, actions: [{ type: 'ignored', frame: e.frame, reason }] };
  }
  const trigger: Trigger = e.type === 'receive' ? `receive:${e.frame.type}` : e.type;
  const handler = TRANSITIONS[s.config.role][s.mode][trigger];
  if (handler !== undefined) return handler(s, e, now);
  if (e.type === 'receive') return (s.config.role === 'server' ? serverUnexpected : clientUnexpected)(s, e, now);
  if (e.type === 'tick') return { state: s, actions: [] };
  throw new LinkUsageError(`a ${s.config.role} link in ${s.mode} cannot take '${e.type}'`);
}

function misaddressed(s: LinkState, f: HdlcFrame): string | undefined {
  if (!addressEquals(f.destination, s.config.local)) return 'destination is not this station';
  if (s.peer !== undefined && !addressEquals(f.source, s.peer) && !(s.config.role === 'server' && s.mode === 'NDM' && s.config.remote === undefined)) {
    return 'source is not the peer of this link';
  }
  return undefined;
}

// ---- helpers -------------------------------------------------------------------------------

const mod = (n: number): number => ((n % SEQUENCE_MODULUS) + SEQUENCE_MODULUS) % SEQUENCE_MODULUS;

function frameOf(e: LinkEvent): HdlcFrame {
  if (e.type !== 'receive') throw new LinkUsageError(`expected a received frame, got '${e.type}'`);
  return e.frame;
}

function addressed(s: LinkState): { destination: HdlcAddress; source: HdlcAddress } {
  if (s.peer === undefined) throw new LinkUsageError('no peer address: configure `remote` or wait for an SNRM');
  return { destination: s.peer, source: s.config.local };
}

function tx(frame: HdlcFrame, retransmission = false): LinkAction {
  return { type: 'transmit', frame, retransmission };
}

function violation(code: string, detail: string): LinkAction {
  return { type: 'violation', code, detail };
}

function rr(s: LinkState, pf: boolean): HdlcFrame {
  return { type: 'RR', ...addressed(s), pf, nr: s.vr };
}

/** A reset link: sequence numbers, queues and timers cleared (after SNRM/UA, DISC, DM). */
function cleared(s: LinkState, mode: LinkMode): LinkState {
  return { ...s, mode, vs: 0, vr: 0, outbox: [], unacked: [], reassembly: EMPTY_REASSEMBLY, poll: false, pending: [], deadline: undefined, retries: 0 };
}

function down(s: LinkState, reason: DisconnectReason, before: readonly LinkAction[] = []): LinkResult {
  return { state: cleared(s, 'NDM'), actions: [...before, { type: 'disconnected', reason }] };
}

/** Applies the peer's N(R): drops the I frames it acknowledges (Green Book 8.4.4). */
function acknowledge(s: LinkState, nr: number): { state: LinkState; actions: LinkAction[] } {
  const va = s.unacked[0]?.ns ?? s.vs;
  const count = mod(nr - va);
  if (count > s.unacked.length) {
    return { state: s, actions: [violation('HDLC_BAD_NR', `N(R)=${nr} acknowledges frames never sent (V(S)=${s.vs}, oldest unacknowledged ${va})`)] };
  }
  return { state: { ...s, unacked: s.unacked.slice(count) }, actions: [] };
}

/** Takes a received I frame's information into the reassembly, if it is the one expected. */
function accept(s: LinkState, f: IFrame): { state: LinkState; actions: LinkAction[] } {
  if (f.ns !== s.vr) {
    if (f.ns === mod(s.vr - 1)) return { state: s, actions: [{ type: 'ignored', frame: f, reason: `repeated N(S)=${f.ns}` }] };
    return { state: s, actions: [violation('HDLC_SEQUENCE_ERROR', `N(S)=${f.ns} where ${s.vr} was expected`)] };
  }
  const next = { ...s, vr: mod(s.vr + 1) };
  try {
    const r = addSegment(s.reassembly, f, s.config.maxMessageSize);
    if (r.kind === 'partial') return { state: { ...next, reassembly: r.reassembly }, actions: [] };
    return { state: { ...next, reassembly: r.reassembly }, actions: [{ type: 'deliver', payload: r.message }] };
  } catch (e) {
    if (!isDecodeError(e)) throw e;
    return { state: { ...next, reassembly: EMPTY_REASSEMBLY }, actions: [violation(e.code, e.message)] };
  }
}

function enqueue(s: LinkState, payload: Uint8Array): LinkState {
  const size = Math.min(s.settings.maxInfoFieldLengthTransmit, s.config.segmentLimit ?? Number.POSITIVE_INFINITY);
  return { ...s, outbox: [...s.outbox, ...splitSegments(payload, size)] };
}

/**
 * The frames that answer or make a poll: unacknowledged I frames again (go-back-N), else new
 * ones up to the window, else an RR; the last carries P/F.
 */
function window(s: LinkState): { state: LinkState; frames: HdlcFrame[]; retransmission: boolean } {
  if (s.unacked.length > 0) {
    const again = s.unacked.map((f, i) => ({ ...f, nr: s.vr, pf: i === s.unacked.length - 1 }));
    return { state: { ...s, unacked: again }, frames: again, retransmission: true };
  }
  const room = Math.max(0, s.settings.windowSizeTransmit);
  const take = s.outbox.slice(0, room);
  if (take.length === 0) return { state: s, frames: [rr(s, true)], retransmission: false };
  const frames: IFrame[] = take.map((seg, i) => ({
    type: 'I',
    ...addressed(s),
    pf: i === take.length - 1,
    ns: mod(s.vs + i),
    nr: s.vr,
    segmented: seg.segmented,
    info: seg.info,
  }));
  return { state: { ...s, vs: mod(s.vs + take.length), outbox: s.outbox.slice(take.length), unacked: frames }, frames, retransmission: false };
}

// ---- client (primary station) ---------------------------------------------------------------

function proposal(s: LinkState): HdlcSettings {
  return s.config.proposeParameters === false ? DEFAULT_SETTINGS : s.config.settings;
}

/** Sends `frames` as a poll: the answer is due within the response timeout. */
function polling(s: LinkState, frames: readonly HdlcFrame[], now: number, retransmission = false): LinkResult {
  return {
    state: { ...s, poll: true, pending: frames, deadline: now + s.config.responseTimeoutMs, retries: 0 },
    actions: frames.map((f) => tx(f, retransmission)),
  };
}

const clientConnect: Handler = (s, _e, now) => {
  const info = s.config.proposeParameters === false ? new Uint8Array(0) : infoOfParameters(parameterList(s.config.settings, s.config.parameterSizes));
  const snrm: HdlcFrame = { type: 'SNRM', ...addressed(s), pf: true, info };
  return polling(cleared(s, 'connecting'), [snrm], now);
};

const clientDisconnect: Handler = (s, _e, now) => polling(cleared(s, 'disconnecting'), [{ type: 'DISC', ...addressed(s), pf: true }], now);

const clientUa: Handler = (s, e) => {
  const f = frameOf(e) as FrameOfType<'UA'>;
  let ua: HdlcSettings;
  try {
    ua = settingsOf(parametersOfInfo(f.info));
  } catch (err) {
    if (!isDecodeError(err)) throw err;
    return down(s, 'bad-parameters', [violation(err.code, `UA parameters: ${err.message}`)]);
  }
  const out = clientAccepts(proposal(s), ua);
  const actions: LinkAction[] = out.exceeded.map((k) => violation('HDLC_NEGOTIATION_EXCEEDED', `UA raised ${k} above the proposal`));
  actions.push({ type: 'connected', settings: out.settings });
  return { state: { ...cleared(s, 'NRM'), settings: out.settings }, actions };
};

const clientSend: Handler = (s, e, now) => {
  if (e.type !== 'send') throw new LinkUsageError('expected send');
  const queued = enqueue(s, e.payload);
  return queued.poll ? { state: queued, actions: [] } : continueClient(queued, now, []);
};

/** After the server gave up the poll: ask for its next segment, resend, send more, or idle. */
function continueClient(s: LinkState, now: number, before: LinkAction[]): LinkResult {
  const idle = { ...s, poll: false, pending: [], deadline: undefined, retries: 0 };
  if (idle.reassembly.parts.length > 0) {
    const r = polling(idle, [rr(idle, true)], now);
    return { state: r.state, actions: [...before, ...r.actions] };
  }
  if (idle.unacked.length === 0 && idle.outbox.length === 0) return { state: idle, actions: before };
  const w = window(idle);
  const r = polling(w.state, w.frames, now, w.retransmission);
  return { state: r.state, actions: [...before, ...r.actions] };
}

const clientI: Handler = (s, e, now) => {
  const f = frameOf(e) as IFrame;
  const acked = acknowledge(s, f.nr);
  const got = accept(acked.state, f);
  const actions = [...acked.actions, ...got.actions];
  // Without F the server has more frames of this window to send: keep waiting.
  if (!f.pf) return { state: got.state, actions };
  return continueClient(got.state, now, actions);
};

const clientRr: Handler = (s, e, now) => {
  const f = frameOf(e) as FrameOfType<'RR'>;
  const acked = acknowledge(s, f.nr);
  if (!f.pf) return { state: acked.state, actions: acked.actions };
  return continueClient(acked.state, now, acked.actions);
};

/** RNR: the server is busy. Poll it again with RR when the response timeout passes. */
const clientRnr: Handler = (s, e, now) => {
  const f = frameOf(e) as FrameOfType<'RNR'>;
  const acked = acknowledge(s, f.nr);
  const poll = rr(acked.state, true);
  return { state: { ...acked.state, poll: true, pending: [poll], deadline: now + s.config.responseTimeoutMs }, actions: acked.actions };
};

const clientTimeout: Handler = (s, _e, now) => {
  if (s.retries >= s.config.maxRetries) return down(s, 'timeout');
  return {
    state: { ...s, retries: s.retries + 1, deadline: now + s.config.responseTimeoutMs },
    actions: s.pending.map((f) => tx(f, true)),
  };
};

const clientDm: Handler = (s) => down(s, 'dm');
const clientDiscDone: Handler = (s) => down(s, 'ua');
const clientFrmr: Handler = (s, e) => {
  const f = frameOf(e) as FrameOfType<'FRMR'>;
  return down(s, 'frmr', [violation('HDLC_FRMR_RECEIVED', `the server rejected a frame (FRMR information ${Array.from(f.info, (b) => b.toString(16).padStart(2, '0')).join('')})`)]);
};

const clientUnexpected: Handler = (s, e) => {
  const f = frameOf(e);
  if (s.mode === 'disconnecting' || (s.mode === 'NDM' && f.type === 'DM')) return { state: s, actions: [{ type: 'ignored', frame: f, reason: `${f.type} in ${s.mode}` }] };
  return { state: s, actions: [violation('HDLC_UNEXPECTED_FRAME', `${f.type} received by the client in ${s.mode}`)] };
};

// ---- server (secondary station) -------------------------------------------------------------

const serverSnrm: Handler = (s, e) => {
  const f = frameOf(e) as FrameOfType<'SNRM'>;
  const withPeer = { ...s, peer: f.source };
  let proposed: HdlcSettings;
  try {
    proposed = settingsOf(parametersOfInfo(f.info));
  } catch (err) {
    if (!isDecodeError(err)) throw err;
    const dm: HdlcFrame = { type: 'DM', ...addressed(withPeer), pf: f.pf };
    return { state: withPeer, actions: [violation(err.code, `SNRM parameters: ${err.message}`), tx(dm)] };
  }
  const settings = serverAccepts(proposed, s.config.settings);
  const ua: HdlcFrame = { type: 'UA', ...addressed(withPeer), pf: f.pf, info: infoOfParameters(parameterList(settings, s.config.parameterSizes)) };
  return { state: { ...cleared(withPeer, 'NRM'), settings }, actions: [tx(ua), { type: 'connected', settings }] };
};

const serverDiscInNrm: Handler = (s, e) => {
  const f = frameOf(e);
  const ua: HdlcFrame = { type: 'UA', ...addressed(s), pf: f.pf, info: new Uint8Array(0) };
  return down(s, 'disc', [tx(ua)]);
};

/** Green Book 8.4.4: in NDM the secondary answers a command carrying P with DM. */
const serverUnexpected: Handler = (s, e) => {
  const f = frameOf(e);
  if (s.mode === 'NDM') {
    if (!f.pf) return { state: s, actions: [{ type: 'ignored', frame: f, reason: `${f.type} without P in NDM` }] };
    const dm: HdlcFrame = { type: 'DM', destination: f.source, source: s.config.local, pf: true };
    return { state: s, actions: [tx(dm)] };
  }
  return { state: s, actions: [violation('HDLC_UNEXPECTED_FRAME', `${f.type} received by the server in ${s.mode}`)] };
};

/** Answers a held poll: with I frames if there are any to send, else RR; `hold` keeps it for a response on its way. */
function answerPoll(s: LinkState, hold: boolean, before: LinkAction[]): LinkResult {
  if (!s.poll) return { state: s, actions: before };
  if (s.reassembly.parts.length > 0) return { state: { ...s, poll: false }, actions: [...before, tx(rr(s, true))] };
  if (s.unacked.length === 0 && s.outbox.length === 0) {
    if (hold) return { state: s, actions: before };
    return { state: { ...s, poll: false }, actions: [...before, tx(rr(s, true))] };
  }
  const w = window(s);
  return { state: { ...w.state, poll: false }, actions: [...before, ...w.frames.map((f) => tx(f, w.retransmission))] };
}

const serverI: Handler = (s, e) => {
  const f = frameOf(e) as IFrame;
  const acked = acknowledge(s, f.nr);
  const got = accept(acked.state, f);
  const delivered = got.actions.some((a) => a.type === 'deliver');
  const state = { ...got.state, poll: got.state.poll || f.pf };
  return answerPoll(state, delivered, [...acked.actions, ...got.actions]);
};

const serverRr: Handler = (s, e) => {
  const f = frameOf(e) as FrameOfType<'RR' | 'RNR'>;
  const acked = acknowledge(s, f.nr);
  const state = { ...acked.state, poll: acked.state.poll || f.pf };
  // RNR: the client cannot take I frames now; answer the poll with RR only.
  if (f.type === 'RNR') return state.poll ? { state: { ...state, poll: false }, actions: [...acked.actions, tx(rr(state, true))] } : acked;
  return answerPoll(state, false, acked.actions);
};

const serverSend: Handler = (s, e) => {
  if (e.type !== 'send') throw new LinkUsageError('expected send');
  return answerPoll(enqueue(s, e.payload), false, []);
};

const serverDiscInNdm: Handler = (s, e) => {
  const f = frameOf(e);
  return { state: s, actions: [tx({ type: 'DM', destination: f.source, source: s.config.local, pf: f.pf })] };
};

// ---- the table ------------------------------------------------------------------------------

type Table = Readonly<Record<LinkRole, Readonly<Record<LinkMode, Partial<Record<Trigger, Handler>>>>>>;

/**
 * Which handler runs for a role, a mode and a trigger. A received frame with no entry goes to
 * the role's `unexpected` handler (a violation, or DM from a server in NDM); a local event
 * with no entry is a usage error.
 */
export const TRANSITIONS: Table = {
  client: {
    NDM: { connect: clientConnect },
    connecting: { 'receive:UA': clientUa, 'receive:DM': clientDm, tick: clientTimeout, disconnect: clientDisconnect },
    NRM: {
      send: clientSend,
      'receive:I': clientI,
      'receive:RR': clientRr,
      'receive:RNR': clientRnr,
      'receive:DM': clientDm,
      'receive:FRMR': clientFrmr,
      connect: clientConnect,
      disconnect: clientDisconnect,
      tick: clientTimeout,
    },
    disconnecting: { 'receive:UA': clientDiscDone, 'receive:DM': clientDm, tick: clientTimeout },
  },
  server: {
    NDM: { 'receive:SNRM': serverSnrm, 'receive:DISC': serverDiscInNdm },
    connecting: {},
    NRM: {
      'receive:SNRM': serverSnrm,
      'receive:DISC': serverDiscInNrm,
      'receive:I': serverI,
      'receive:RR': serverRr,
      'receive:RNR': serverRr,
      send: serverSend,
    },
    disconnecting: {},
  },
};
