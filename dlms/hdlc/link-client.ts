/**
 * The client (primary station) side of the HDLC link (IEC 62056-46 / Green Book 8.4.4, 8.4.5):
 * it proposes the parameters in SNRM, polls (every command it ends with P set is a poll), times
 * out and retransmits, and checks what the server sends against what was negotiated: no
 * information field longer than agreed, no more I frames per poll than the window.
 */
import { isDecodeError } from '../bytes/decode-error';
import type { FrameOfType, HdlcFrame } from './frame';
import { clientAccepts, mirrored } from './negotiation';
import { DEFAULT_SETTINGS, infoOfParameters, parameterList, parametersOfInfo, settingsOf, type HdlcSettings } from './parameters';
import {
  accept,
  acknowledge,
  addressed,
  cleared,
  down,
  enqueue,
  frameOf,
  hexOf,
  ignored,
  rr,
  tx,
  uiFrame,
  draft,
  violation,
  window,
  type StateDraft,
} from './link-common';
import { LinkUsageError, type Handler, type IFrame, type LinkAction, type LinkResult, type LinkState, type ModeTable } from './link-types';

function proposal(s: LinkState): HdlcSettings {
  return s.config.proposeParameters === false ? DEFAULT_SETTINGS : s.config.settings;
}

/** Sends `frames` as a poll: the answer is due within the response timeout. */
function polling(s: LinkState, frames: readonly HdlcFrame[], now: number, retransmission = false): LinkResult {
  return pollingIn(draft(s), frames, now, retransmission);
}

/** `polling` on a draft this step made itself (and so may change): no second copy of the state. */
function pollingIn(state: StateDraft, frames: readonly HdlcFrame[], now: number, retransmission = false): LinkResult {
  state.poll = true;
  state.pending = frames;
  state.received = 0;
  state.deadline = now + state.config.responseTimeoutMs;
  state.retries = 0;
  return { state, actions: frames.map((f) => tx(f, retransmission)) };
}

const connect: Handler = (s, _e, now) => {
  const info = s.config.proposeParameters === false ? new Uint8Array(0) : infoOfParameters(parameterList(s.config.settings, s.config.parameterSizes));
  const snrm: HdlcFrame = { type: 'SNRM', ...addressed(s), pf: true, info };
  return polling(cleared(s, 'connecting'), [snrm], now);
};

const disconnect: Handler = (s, _e, now) => polling(cleared(s, 'disconnecting'), [{ type: 'DISC', ...addressed(s), pf: true }], now);

const ua: Handler = (s, e) => {
  const f = frameOf(e) as FrameOfType<'UA'>;
  let answered: HdlcSettings;
  try {
    answered = settingsOf(parametersOfInfo(f.info));
  } catch (err) {
    if (!isDecodeError(err)) throw err;
    return down(s, 'bad-parameters', [violation(err.code, `UA parameters: ${err.expected}`, err.actual)]);
  }
  const proposed = proposal(s);
  const out = clientAccepts(proposed, answered);
  const ours = mirrored(answered);
  const actions: LinkAction[] = out.exceeded.map((k) =>
    violation('HDLC_NEGOTIATION_EXCEEDED', `${k} at most ${proposed[k]} (the proposal)`, `${ours[k]} in the UA`),
  );
  actions.push({ type: 'connected', settings: out.settings });
  return { state: { ...cleared(s, 'NRM'), settings: out.settings }, actions };
};

const send: Handler = (s, e, now) => {
  if (e.type !== 'send') throw new LinkUsageError('expected send');
  const queued = enqueue(s, e.payload);
  return queued.poll ? { state: queued, actions: [] } : continueIn(queued, now, []);
};

const sendUi: Handler = (s, e, now) => {
  if (e.type !== 'send-ui') throw new LinkUsageError('expected send-ui');
  if (e.poll === true && s.mode === 'NRM' && !s.poll) return polling(s, [uiFrame(s, e.payload, true)], now);
  return { state: s, actions: [tx(uiFrame(s, e.payload))] };
};

/** A poll on request: collects a response the server holds (it may only speak when polled). */
const poll: Handler = (s, _e, now) => (s.poll ? { state: s, actions: [] } : continueClient(s, now, [], true));

/**
 * After the server gave up the poll: ask for its next segment, resend, send more, or idle.
 * `force` polls with RR even when nothing is pending.
 */
function continueClient(s: LinkState, now: number, before: LinkAction[], force = false): LinkResult {
  return continueIn(draft(s), now, before, force);
}

/**
 * `continueClient` on a draft this step made itself: the steps that run on every exchange (send,
 * an I frame received) change one copy of the state instead of a copy per stage.
 */
function continueIn(idle: StateDraft, now: number, before: readonly LinkAction[], force = false): LinkResult {
  idle.poll = false;
  idle.pending = NO_FRAMES;
  idle.deadline = undefined;
  idle.retries = 0;
  if (idle.reassembly.parts.length > 0 || (force && idle.unacked.length === 0 && idle.outbox.length === 0)) {
    const r = pollingIn(idle, [rr(idle, true)], now);
    return { state: r.state, actions: joined(before, r.actions) };
  }
  if (idle.unacked.length === 0 && idle.outbox.length === 0) return { state: idle, actions: before };
  const w = window(idle);
  // window returns its input or a fresh draft: either is this step's own.
  const r = pollingIn(w.state as StateDraft, w.frames, now, w.retransmission);
  return { state: r.state, actions: joined(before, r.actions) };
}

/** No frames pending: shared, as a state's arrays are never written to. */
const NO_FRAMES: readonly HdlcFrame[] = [];

function joined(before: readonly LinkAction[], after: readonly LinkAction[]): readonly LinkAction[] {
  return before.length === 0 ? after : [...before, ...after];
}

/** What the negotiation bounds (Green Book 8.4.5.3.2): the server's information field and window. */
function checkAgreed(s: LinkState, f: IFrame): LinkAction[] {
  const out: LinkAction[] = [];
  const max = s.settings.maxInfoFieldLengthReceive;
  if (f.info.length > max) out.push(violation('HDLC_INFO_TOO_LONG', `an information field of at most ${max} bytes (negotiated)`, `${f.info.length} bytes`));
  const win = s.settings.windowSizeReceive;
  if (s.received + 1 > win)
    out.push(violation('HDLC_WINDOW_EXCEEDED', `at most ${win} I frame(s) per poll (negotiated window)`, `I frame number ${s.received + 1} since the poll`));
  return out;
}

const information: Handler = (s, e, now) => {
  const f = frameOf(e) as IFrame;
  const agreed = checkAgreed(s, f);
  const counted = draft(s);
  counted.received = s.received + 1;
  const acked = acknowledge(counted, f.nr);
  const got = accept(acked.state, f);
  const actions = [...agreed, ...acked.actions, ...got.actions];
  // Without F the server has more frames of this window to send: keep waiting.
  if (!f.pf) return { state: got.state, actions };
  // accept returns its input or a fresh draft, and its input is `counted` or a fresh draft: this step's own.
  return continueIn(got.state as StateDraft, now, actions);
};

const receiveReady: Handler = (s, e, now) => {
  const f = frameOf(e) as FrameOfType<'RR'>;
  const acked = acknowledge(s, f.nr);
  if (!f.pf) return { state: acked.state, actions: acked.actions };
  return continueClient(acked.state, now, acked.actions);
};

/** RNR: the server is busy. Poll it again with RR when the response timeout passes. */
const receiveNotReady: Handler = (s, e, now) => {
  const f = frameOf(e) as FrameOfType<'RNR'>;
  const acked = acknowledge(s, f.nr);
  const again = rr(acked.state, true);
  const state = draft(acked.state);
  state.poll = true;
  state.pending = [again];
  state.received = 0;
  state.deadline = now + s.config.responseTimeoutMs;
  return { state, actions: acked.actions };
};

/** No answer within the response timeout: send the poll again, or give the link up (Green Book 8.4.4). */
const timeout: Handler = (s, _e, now) => {
  const waitedMs = s.config.responseTimeoutMs;
  if (s.retries >= s.config.maxRetries) return down(s, 'timeout', [{ type: 'timeout', waitedMs, retransmitting: false }]);
  const state = draft(s);
  state.retries = s.retries + 1;
  state.received = 0;
  state.deadline = now + s.config.responseTimeoutMs;
  return { state, actions: [{ type: 'timeout', waitedMs, retransmitting: true }, ...s.pending.map((f) => tx(f, true))] };
};

/** UI from the server: unnumbered information; with F it also ends the poll that let it talk. */
const unnumbered: Handler = (s, e, now) => {
  const f = frameOf(e) as FrameOfType<'UI'>;
  const got: LinkAction[] = f.segmented ? [ignored(f, 'segmented UI frames are not reassembled')] : [{ type: 'deliver', payload: f.info, unnumbered: true }];
  if (!f.pf || s.mode !== 'NRM' || !s.poll) return { state: s, actions: got };
  return continueClient(s, now, got);
};

const disconnectedMode: Handler = (s) => down(s, 'dm');
const disconnectDone: Handler = (s) => down(s, 'ua');
const frameReject: Handler = (s, e) => {
  const f = frameOf(e) as FrameOfType<'FRMR'>;
  return down(s, 'frmr', [violation('HDLC_FRMR_RECEIVED', 'the frame accepted', `FRMR, information ${hexOf(f.info) || 'empty'}`)]);
};

/** A received frame with no transition: DM in NDM and anything while disconnecting are harmless. */
export const clientUnexpected: Handler = (s, e) => {
  const f = frameOf(e);
  if (s.mode === 'disconnecting' || (s.mode === 'NDM' && f.type === 'DM')) return { state: s, actions: [ignored(f, `${f.type} in ${s.mode}`)] };
  return { state: s, actions: [violation('HDLC_UNEXPECTED_FRAME', `no ${f.type} frame in ${s.mode}`, `${f.type} received by the client`)] };
};

export const CLIENT_TABLE: ModeTable = {
  NDM: { connect, 'send-ui': sendUi, 'receive:UI': unnumbered },
  connecting: { 'receive:UA': ua, 'receive:DM': disconnectedMode, tick: timeout, disconnect, 'receive:UI': unnumbered },
  NRM: {
    send,
    'send-ui': sendUi,
    poll,
    'receive:I': information,
    'receive:RR': receiveReady,
    'receive:RNR': receiveNotReady,
    'receive:DM': disconnectedMode,
    'receive:FRMR': frameReject,
    'receive:UI': unnumbered,
    connect,
    disconnect,
    tick: timeout,
  },
  disconnecting: { 'receive:UA': disconnectDone, 'receive:DM': disconnectedMode, tick: timeout },
  'frame-reject': {},
};
