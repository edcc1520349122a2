/**
 * The server (secondary station) side of the HDLC link (IEC 62056-46 / Green Book 8.4.4, 8.4.5):
 * it speaks only when polled, answers SNRM with UA and the negotiated parameters, DISC with UA
 * (DM when already disconnected), any other polled command in NDM with DM, and rejects with FRMR
 * the frames ISO/IEC 13239 5.5.3.4.4 names: an information field longer than agreed, an N(R)
 * that acknowledges frames never sent, a command it does not take in NRM.
 */
import { isDecodeError } from '../bytes/decode-error';
import { frameControl, type FrameOfType, type HdlcFrame } from './frame';
import { serverAccepts } from './negotiation';
import { infoOfParameters, parameterList, parametersOfInfo, settingsOf, type HdlcSettings } from './parameters';
import { accept, acknowledge, acknowledges, addressed, cleared, down, enqueue, frameOf, ignored, rr, tx, violation, window, withPoll } from './link-common';
import { LinkUsageError, type Handler, type IFrame, type LinkAction, type LinkResult, type LinkState, type ModeTable } from './link-types';

/** ISO/IEC 13239 5.5.3.4.4: the FRMR reason bits in the third information byte. */
export const FRMR_REASON = {
  /** W: the control field is undefined or not implemented. */
  undefinedControl: 0x01,
  /** X: an information field in a frame that may not carry one (set with W). */
  infoNotPermitted: 0x02,
  /** Y: the information field exceeds the maximum agreed. */
  infoTooLong: 0x04,
  /** Z: N(R) is not valid. */
  invalidNr: 0x08,
} as const;

/**
 * The FRMR information field for modulo 8 (ISO/IEC 13239 5.5.3.4.4): the rejected control
 * byte; V(S) in bits 1-3 and V(R) in bits 5-7 (bit 4, C/R, is 0: the rejected frame was a
 * command); the reason bits.
 */
export function frmrInfo(rejected: number, vs: number, vr: number, reason: number): Uint8Array {
  return Uint8Array.of(rejected & 0xff, ((vs & 7) << 1) | ((vr & 7) << 5), reason);
}

/** Sends FRMR and waits for SNRM or DISC; the rejection is repeated to any other poll. */
function reject(s: LinkState, f: HdlcFrame, reason: number, why: LinkAction): LinkResult {
  const info = frmrInfo(frameControl(f), s.vs, s.vr, reason);
  const frmr: HdlcFrame = { type: 'FRMR', ...addressed(s), pf: true, info };
  return { state: { ...s, mode: 'frame-reject', poll: false, rejection: info }, actions: [why, tx(frmr)] };
}

const snrm: Handler = (s, e) => {
  const f = frameOf(e) as FrameOfType<'SNRM'>;
  const withPeer = { ...s, peer: f.source, self: f.destination };
  let proposed: HdlcSettings;
  try {
    proposed = settingsOf(parametersOfInfo(f.info));
  } catch (err) {
    if (!isDecodeError(err)) throw err;
    const dm: HdlcFrame = { type: 'DM', ...addressed(withPeer), pf: f.pf };
    return { state: withPeer, actions: [violation(err.code, `SNRM parameters: ${err.expected}`, err.actual), tx(dm)] };
  }
  const settings = serverAccepts(proposed, s.config.settings);
  const ua: HdlcFrame = { type: 'UA', ...addressed(withPeer), pf: f.pf, info: infoOfParameters(parameterList(settings, s.config.parameterSizes)) };
  return { state: { ...cleared(withPeer, 'NRM'), settings }, actions: [tx(ua), { type: 'connected', settings }] };
};

const discConnected: Handler = (s, e) => {
  const f = frameOf(e);
  const ua: HdlcFrame = { type: 'UA', ...addressed(s), pf: f.pf, info: new Uint8Array(0) };
  return down(s, 'disc', [tx(ua)]);
};

const discDisconnected: Handler = (s, e) => {
  const f = frameOf(e);
  return { state: s, actions: [tx({ type: 'DM', destination: f.source, source: f.destination, pf: f.pf })] };
};

/** Green Book 8.4.4: in NDM the secondary answers a command carrying P with DM (UI excepted). */
function inNdm(s: LinkState, f: HdlcFrame): LinkResult {
  if (!f.pf) return { state: s, actions: [ignored(f, `${f.type} without P in NDM`)] };
  return { state: s, actions: [tx({ type: 'DM', destination: f.source, source: f.destination, pf: true })] };
}

/** Answers a held poll: with I frames if there are any to send, else RR; `hold` keeps it for a response on its way. */
function answerPoll(s: LinkState, hold: boolean, before: LinkAction[]): LinkResult {
  if (!s.poll) return { state: s, actions: before };
  if (s.reassembly.parts.length > 0) return { state: withPoll(s, false), actions: [...before, tx(rr(s, true))] };
  if (s.unacked.length === 0 && s.outbox.length === 0) {
    if (hold) return { state: s, actions: before };
    return { state: withPoll(s, false), actions: [...before, tx(rr(s, true))] };
  }
  const w = window(s);
  return { state: { ...w.state, poll: false }, actions: [...before, ...w.frames.map((f) => tx(f, w.retransmission))] };
}

/** The N(R) check of ISO/IEC 13239 5.5.3.4.4 (Z): an invalid N(R) is rejected, not guessed at. */
function badNr(s: LinkState, f: FrameOfType<'I' | 'RR' | 'RNR'>): LinkResult | undefined {
  if (acknowledges(s, f.nr) !== undefined) return undefined;
  const va = s.unacked[0]?.ns ?? s.vs;
  return reject(s, f, FRMR_REASON.invalidNr, violation('HDLC_BAD_NR', `N(R) from ${va} to ${s.vs}`, `N(R)=${f.nr}`));
}

const information: Handler = (s, e) => {
  const f = frameOf(e) as IFrame;
  const max = s.settings.maxInfoFieldLengthReceive;
  if (f.info.length > max) {
    return reject(
      s,
      f,
      FRMR_REASON.infoTooLong,
      violation('HDLC_INFO_TOO_LONG', `an information field of at most ${max} bytes (negotiated)`, `${f.info.length} bytes`),
    );
  }
  const nr = badNr(s, f);
  if (nr) return nr;
  const acked = acknowledge(s, f.nr);
  const got = accept(acked.state, f);
  const delivered = got.actions.some((a) => a.type === 'deliver');
  const state = { ...got.state, poll: got.state.poll || f.pf };
  return answerPoll(state, delivered, [...acked.actions, ...got.actions]);
};

const receiveReady: Handler = (s, e) => {
  const f = frameOf(e) as FrameOfType<'RR' | 'RNR'>;
  const nr = badNr(s, f);
  if (nr) return nr;
  const acked = acknowledge(s, f.nr);
  const state = withPoll(acked.state, acked.state.poll || f.pf);
  // RNR: the client cannot take I frames now; answer the poll with RR only.
  if (f.type === 'RNR') return state.poll ? { state: withPoll(state, false), actions: [...acked.actions, tx(rr(state, true))] } : acked;
  return answerPoll(state, false, acked.actions);
};

const send: Handler = (s, e) => {
  if (e.type !== 'send') throw new LinkUsageError('expected send');
  return answerPoll(enqueue(s, e.payload), false, []);
};

const nothingToSend: Handler = (s) => answerPoll(s, false, []);

/**
 * UI frames are taken in any mode (Green Book 8.4.3.4). In NRM a UI with P is a poll: the
 * server holds it, and answers with `send-ui` (a pushed APDU, DLMS UA event reporting) or,
 * with nothing to send, RR. An empty UI carries nothing to deliver.
 */
const unnumbered: Handler = (s, e) => {
  const f = frameOf(e) as FrameOfType<'UI'>;
  if (f.segmented) return { state: s, actions: [ignored(f, 'segmented UI frames are not reassembled')] };
  const got: LinkAction[] = f.info.length > 0 ? [{ type: 'deliver', payload: f.info, unnumbered: true }] : [];
  return { state: f.pf && s.mode === 'NRM' ? withPoll(s, true) : s, actions: got };
};

/** A pushed message in a UI frame; with a poll held it carries F and frees the poll. */
const sendUi: Handler = (s, e) => {
  if (e.type !== 'send-ui') throw new LinkUsageError('expected send-ui');
  return { state: withPoll(s, false), actions: [tx({ type: 'UI', ...addressed(s), pf: s.poll, segmented: false, info: e.payload })] };
};

/** In frame-reject only SNRM and DISC are taken; a poll gets the same FRMR again. */
const stillRejecting: Handler = (s, e) => {
  const f = frameOf(e);
  if (!f.pf || s.rejection === undefined) return { state: s, actions: [ignored(f, `${f.type} while the frame reject condition holds`)] };
  return { state: s, actions: [tx({ type: 'FRMR', ...addressed(s), pf: true, info: s.rejection })] };
};

/** A received frame with no transition. */
export const serverUnexpected: Handler = (s, e) => {
  const f = frameOf(e);
  if (s.mode === 'NDM') return inNdm(s, f);
  if (s.mode === 'frame-reject') return stillRejecting(s, e, 0);
  // A response (UA, DM, FRMR) is no command a secondary takes in NRM (ISO/IEC 13239 5.5.3.4.4, W).
  return reject(
    s,
    f,
    FRMR_REASON.undefinedControl,
    violation('HDLC_UNEXPECTED_FRAME', 'a command (I, RR, RNR, SNRM, DISC or UI)', `${f.type} received by the server in ${s.mode}`),
  );
};

export const SERVER_TABLE: ModeTable = {
  NDM: { 'receive:SNRM': snrm, 'receive:DISC': discDisconnected, 'receive:UI': unnumbered },
  connecting: {},
  NRM: {
    'receive:SNRM': snrm,
    'receive:DISC': discConnected,
    'receive:I': information,
    'receive:RR': receiveReady,
    'receive:RNR': receiveReady,
    'receive:UI': unnumbered,
    send,
    'send-ui': sendUi,
    'nothing-to-send': nothingToSend,
  },
  disconnecting: {},
  'frame-reject': {
    'receive:SNRM': snrm,
    'receive:DISC': discConnected,
    'receive:UI': unnumbered,
    'nothing-to-send': (s) => ({ state: s, actions: [] }),
  },
};
