/**
 * The HDLC link as a sans-IO state machine (IEC 62056-46 / Green Book 8.4.4 and 8.4.5): modes
 * NDM and NRM, SNRM/UA negotiation, N(S)/N(R) with a window of 1 to 7, segmentation with RR
 * polling, retransmission on timeout, RR/RNR, DISC/DM/UA, FRMR, UI frames, the inactivity
 * timeout. One machine serves both ends: the client is the primary station (it polls, and
 * times out: link-client.ts), the server the secondary (it answers polls: link-server.ts).
 *
 * `step(state, event, nowMs)` returns the next state and the actions to perform; it never
 * reads a clock, sets a timer or touches a socket. Time enters with each event; the caller
 * delivers a `tick` at `state.deadline` (a server may also let the next frame bring the time:
 * an inactivity timeout that passed unseen is applied before that frame). Which handler runs
 * is data: `TRANSITIONS[role][mode][trigger]`.
 *
 * Addressing (Green Book 8.4.2): a frame for another station, or from a client address that is
 * not one byte, is ignored; the no-station address is never answered; a server takes a frame
 * for the all-station address only as UI (a broadcast gets no answer).
 *
 * Peer faults are not exceptions: they come out as `violation` actions carrying a stable code,
 * so the harness can judge them. Misuse by the caller (sending while disconnected) throws.
 */
import { addressEquals, SERVER_LOWER_ADDRESS, SERVER_UPPER_ADDRESS, type HdlcAddress } from './address';
import type { HdlcFrameType } from './control';
import type { HdlcFrame } from './frame';
import { CLIENT_TABLE, clientUnexpected } from './link-client';
import { RESET, down } from './link-common';
import { SERVER_TABLE, serverUnexpected } from './link-server';
import { DEFAULT_SETTINGS } from './parameters';
import { LinkUsageError, type LinkConfig, type LinkEvent, type LinkResult, type LinkRole, type LinkState, type ModeTable, type Trigger } from './link-types';

export * from './link-types';
export { FRMR_REASON, frmrInfo } from './link-server';

export function initialLinkState(config: LinkConfig): LinkState {
  return { config, mode: 'NDM', peer: config.remote, self: config.local, settings: DEFAULT_SETTINGS, ...RESET };
}

/**
 * Which handler runs for a role, a mode and a trigger. A received frame with no entry goes to
 * the role's `unexpected` handler (a violation or FRMR, or DM from a server in NDM); a local
 * event with no entry is a usage error.
 */
export const TRANSITIONS: Readonly<Record<LinkRole, ModeTable>> = { client: CLIENT_TABLE, server: SERVER_TABLE };

export function step(s: LinkState, e: LinkEvent, now: number): LinkResult {
  if (s.config.role === 'server') return serverStep(s, e, now);
  if (e.type === 'tick' && (s.deadline === undefined || now < s.deadline)) return { state: s, actions: [] };
  return dispatch(s, e, now);
}

/**
 * The trigger of each received frame type, as literals: a trigger built per frame by a template
 * string is a new string each time, which a table lookup must first hash and internalize.
 */
const RECEIVE_TRIGGER: Readonly<Record<HdlcFrameType, Trigger>> = {
  I: 'receive:I',
  RR: 'receive:RR',
  RNR: 'receive:RNR',
  SNRM: 'receive:SNRM',
  DISC: 'receive:DISC',
  UA: 'receive:UA',
  DM: 'receive:DM',
  FRMR: 'receive:FRMR',
  UI: 'receive:UI',
};

function dispatch(s: LinkState, e: LinkEvent, now: number): LinkResult {
  if (e.type === 'receive') {
    const reason = misaddressed(s, e.frame);
    if (reason !== undefined) return { state: s, actions: [{ type: 'ignored', frame: e.frame, reason }] };
  }
  const trigger: Trigger = e.type === 'receive' ? RECEIVE_TRIGGER[e.frame.type] : e.type;
  const handler = TRANSITIONS[s.config.role][s.mode][trigger];
  if (handler !== undefined) return handler(s, e, now);
  if (e.type === 'receive') return (s.config.role === 'server' ? serverUnexpected : clientUnexpected)(s, e, now);
  if (e.type === 'tick') return { state: s, actions: [] };
  throw new LinkUsageError(`a ${s.config.role} link in ${s.mode} cannot take '${e.type}'`);
}

/** The server's inactivity timeout (Blue Book 4.7.2): every frame for it restarts the count. */
function serverStep(s: LinkState, e: LinkEvent, now: number): LinkResult {
  const expired = s.mode !== 'NDM' && s.deadline !== undefined && now >= s.deadline;
  const before = expired ? down(s, 'inactivity') : { state: s, actions: [] };
  if (e.type === 'tick') return before;
  const r = dispatch(before.state, e, now);
  const heard = e.type === 'receive' && !r.actions.some((a) => a.type === 'ignored' && a.frame === e.frame);
  const inactivity = s.config.inactivityTimeoutMs ?? 0;
  let deadline = r.state.deadline;
  if (r.state.mode === 'NDM' || inactivity <= 0) deadline = undefined;
  else if (heard || expired) deadline = now + inactivity;
  const state = deadline === r.state.deadline ? r.state : { ...r.state, deadline };
  return { state, actions: [...before.actions, ...r.actions] };
}

function isNoStation(a: HdlcAddress): boolean {
  return a.upper === SERVER_UPPER_ADDRESS.noStation && (a.size === 1 || a.lower === SERVER_LOWER_ADDRESS.noStation);
}

/** Green Book 8.4.2.3: the all-station address of each size (upper part; a lower part, if any, also all-station). */
function isAllStation(a: HdlcAddress): boolean {
  switch (a.size) {
    case 1:
      return a.upper === SERVER_UPPER_ADDRESS.allStation1;
    case 2:
      return a.upper === SERVER_UPPER_ADDRESS.allStation1 || a.lower === SERVER_LOWER_ADDRESS.allStation1;
    case 4:
      return a.upper === SERVER_UPPER_ADDRESS.allStation2 || a.lower === SERVER_LOWER_ADDRESS.allStation2;
  }
}

function misaddressed(s: LinkState, f: HdlcFrame): string | undefined {
  if (s.config.role === 'client') {
    if (!addressEquals(f.destination, s.config.local)) return 'destination is not this station';
    if (s.peer !== undefined && !addressEquals(f.source, s.peer)) return 'source is not the peer of this link';
    return undefined;
  }
  if (isNoStation(f.destination)) return 'the no-station address is never answered (Green Book 8.4.2.3)';
  if (isAllStation(f.destination)) return f.type === 'UI' ? undefined : 'only UI frames are taken from the all-station address (Green Book 8.4.2.3)';
  const mine = [s.config.local, ...(s.config.aliases ?? [])];
  if (!mine.some((a) => addressEquals(a, f.destination))) return 'destination is not this station';
  if (f.source.size !== 1) return 'a client address is one byte (Green Book 8.4.2.2)';
  if (f.source.upper === 0) return 'the no-station address is no client (Green Book 8.4.2.3)';
  // In NDM a server without a fixed peer takes whichever client sends SNRM.
  const open = s.mode === 'NDM' && s.config.remote === undefined;
  if (s.peer !== undefined && !open && f.type !== 'UI' && !addressEquals(f.source, s.peer)) return 'source is not the peer of this link';
  if (!open && f.type !== 'UI' && f.type !== 'SNRM' && !addressEquals(f.destination, s.self))
    return 'destination is another form of this station than the link uses';
  return undefined;
}
