/**
 * What both ends of the HDLC link do alike (Green Book 8.4.4): sequence numbers modulo 8,
 * acknowledgement by N(R), taking an I frame into the reassembly, segmenting a message and
 * choosing the frames of a window (go-back-N on a repeated poll).
 */
import { isDecodeError } from '../bytes/decode-error';
import type { HdlcAddress } from './address';
import { SEQUENCE_MODULUS } from './control';
import type { HdlcFrame } from './frame';
import { addSegment, EMPTY_REASSEMBLY, splitSegments } from './segments';
import {
  LinkUsageError,
  type DisconnectReason,
  type IFrame,
  type LinkAction,
  type LinkEvent,
  type LinkMode,
  type LinkResult,
  type LinkState,
} from './link-types';

export const mod = (n: number): number => ((n % SEQUENCE_MODULUS) + SEQUENCE_MODULUS) % SEQUENCE_MODULUS;

export function frameOf(e: LinkEvent): HdlcFrame {
  if (e.type !== 'receive') throw new LinkUsageError(`expected a received frame, got '${e.type}'`);
  return e.frame;
}

export function addressed(s: LinkState): { destination: HdlcAddress; source: HdlcAddress } {
  if (s.peer === undefined) throw new LinkUsageError('no peer address: configure `remote` or wait for an SNRM');
  return { destination: s.peer, source: s.self };
}

export function tx(frame: HdlcFrame, retransmission = false): LinkAction {
  return { type: 'transmit', frame, retransmission };
}

export function violation(code: string, expected: string, actual: string): LinkAction {
  return { type: 'violation', code, expected, actual };
}

export function ignored(frame: HdlcFrame, reason: string): LinkAction {
  return { type: 'ignored', frame, reason };
}

/** `s` with its poll set or cleared: the server's step at every poll it takes and answers (see draft). */
export function withPoll(s: LinkState, poll: boolean): LinkState {
  const state = draft(s);
  state.poll = poll;
  return state;
}

export function rr(s: LinkState, pf: boolean): HdlcFrame {
  return { type: 'RR', ...addressed(s), pf, nr: s.vr };
}

/** A state being built from another inside a link step: the step sets what changes, then returns it as a LinkState. */
export type StateDraft = { -readonly [K in keyof LinkState]: LinkState[K] };

/**
 * A copy of `s` for a step to change, every field written out. V8 (Node 20) clones this
 * 16-field state by object spread in 0.6–2.5 µs; a literal of fixed shape costs tens of ns. The
 * step then sets the changed fields on the copy, each a store of a known field: an earlier
 * `update(s, changes)` read each field from a `changes` literal whose shape differs at every
 * call site, so its loads went megamorphic (230–400 ns a call, measured; about 2 µs per HDLC
 * exchange, `Builtins_LoadIC_Megamorphic` under perf).
 */
export function draft(s: LinkState): StateDraft {
  return {
    config: s.config,
    mode: s.mode,
    peer: s.peer,
    self: s.self,
    settings: s.settings,
    vs: s.vs,
    vr: s.vr,
    outbox: s.outbox,
    unacked: s.unacked,
    reassembly: s.reassembly,
    poll: s.poll,
    pending: s.pending,
    received: s.received,
    deadline: s.deadline,
    retries: s.retries,
    rejection: s.rejection,
  };
}

/** What a reset clears, as it stands on a fresh link: sequence numbers, queues and timers. */
export const RESET: Omit<LinkState, 'config' | 'mode' | 'peer' | 'self' | 'settings'> = {
  vs: 0,
  vr: 0,
  outbox: [],
  unacked: [],
  reassembly: EMPTY_REASSEMBLY,
  poll: false,
  pending: [],
  received: 0,
  deadline: undefined,
  retries: 0,
  rejection: undefined,
};

/** A reset link (after SNRM/UA, DISC, DM). */
export function cleared(s: LinkState, mode: LinkMode): LinkState {
  return { ...s, mode, ...RESET };
}

export function down(s: LinkState, reason: DisconnectReason, before: readonly LinkAction[] = []): LinkResult {
  return { state: cleared(s, 'NDM'), actions: [...before, { type: 'disconnected', reason }] };
}

/** How many unacknowledged I frames N(R) acknowledges; undefined when it names frames never sent. */
export function acknowledges(s: LinkState, nr: number): number | undefined {
  const va = s.unacked[0]?.ns ?? s.vs;
  const count = mod(nr - va);
  return count > s.unacked.length ? undefined : count;
}

/** Applies the peer's N(R): drops the I frames it acknowledges (Green Book 8.4.4). */
export function acknowledge(s: LinkState, nr: number): { state: LinkState; actions: LinkAction[] } {
  const count = acknowledges(s, nr);
  if (count === undefined) {
    const va = s.unacked[0]?.ns ?? s.vs;
    return { state: s, actions: [violation('HDLC_BAD_NR', `N(R) from ${va} to ${s.vs} (frames sent and not yet acknowledged)`, `N(R)=${nr}`)] };
  }
  if (count === 0) return { state: s, actions: [] };
  const state = draft(s);
  state.unacked = s.unacked.slice(count);
  return { state, actions: [] };
}

/** Takes a received I frame's information into the reassembly, if it is the one expected. */
export function accept(s: LinkState, f: IFrame): { state: LinkState; actions: LinkAction[] } {
  if (f.ns !== s.vr) {
    if (f.ns === mod(s.vr - 1)) return { state: s, actions: [ignored(f, `repeated N(S)=${f.ns}: a retransmission, already taken`)] };
    return { state: s, actions: [violation('HDLC_SEQUENCE_ERROR', `N(S)=${s.vr}`, `N(S)=${f.ns}`)] };
  }
  const vr = mod(s.vr + 1);
  try {
    const r = addSegment(s.reassembly, f, s.config.maxMessageSize);
    const state = draft(s);
    state.vr = vr;
    state.reassembly = r.reassembly;
    if (r.kind === 'partial') return { state, actions: [] };
    return { state, actions: [{ type: 'deliver', payload: r.message }] };
  } catch (e) {
    if (!isDecodeError(e)) throw e;
    const state = draft(s);
    state.vr = vr;
    state.reassembly = EMPTY_REASSEMBLY;
    return { state, actions: [violation(e.code, e.expected, e.actual)] };
  }
}

export function enqueue(s: LinkState, payload: Uint8Array): StateDraft {
  const size = Math.min(s.settings.maxInfoFieldLengthTransmit, s.config.segmentLimit ?? Number.POSITIVE_INFINITY);
  const state = draft(s);
  state.outbox = [...s.outbox, ...splitSegments(payload, size)];
  return state;
}

/** The UI frame carrying `payload` whole (Green Book 8.4.3.4). */
export function uiFrame(s: LinkState, payload: Uint8Array, pf = false): HdlcFrame {
  return { type: 'UI', ...addressed(s), pf, segmented: false, info: payload };
}

/**
 * The frames that answer or make a poll: unacknowledged I frames again (go-back-N), else new
 * ones up to the window, else an RR; the last carries P/F.
 */
export function window(s: LinkState): { state: LinkState; frames: HdlcFrame[]; retransmission: boolean } {
  if (s.unacked.length > 0) {
    const again = s.unacked.map((f, i) => ({ ...f, nr: s.vr, pf: i === s.unacked.length - 1 }));
    const state = draft(s);
    state.unacked = again;
    return { state, frames: again, retransmission: true };
  }
  const room = Math.max(1, s.settings.windowSizeTransmit);
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
  const state = draft(s);
  state.vs = mod(s.vs + take.length);
  state.outbox = s.outbox.slice(take.length);
  state.unacked = frames;
  return { state, frames, retransmission: false };
}

export function hexOf(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join('');
}
