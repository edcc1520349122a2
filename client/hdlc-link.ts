/**
 * The client side of an HDLC link (IEC 62056-46, Green Book 8.4): the IO shell around the
 * sans-IO link machine of dlms/hdlc/link.ts. The machine decides every frame (SNRM/UA with the
 * parameters of the profile, I frames with a window, segmentation both ways, RR polls, DISC,
 * retransmission on timeout); this class writes its frames, feeds it what arrives, and delivers
 * its `tick` at the deadline it names. Every frame is recorded, retransmissions marked, and
 * timeouts, ignored frames and rule breaks are recorded as events.
 *
 * Every wait is bounded: by the response timeout for each poll (the machine), by the response
 * timeout times the retries for a whole answer without progress (here), and a DUT that floods
 * frames is stopped after FLOOD_LIMIT of them. A link-layer rule the DUT breaks (a wrong N(S),
 * a field longer than agreed, more frames than the window) ends the exchange as `malformed`
 * with the rule's code: the harness judges it, nothing is guessed.
 */
import { DecodeError, isDecodeError } from '../dlms/bytes/decode-error';
import { clientAddress, serverAddress, type HdlcAddress } from '../dlms/hdlc/address';
import { decodeFrame, encodeFrame, type FrameDecodeOptions, type HdlcFrame } from '../dlms/hdlc/frame';
import { initialLinkState, step, type LinkAction, type LinkEvent, type LinkState } from '../dlms/hdlc/link';
import { addLlc, stripLlc } from '../dlms/hdlc/llc';
import { DEFAULT_SETTINGS, MAX_INFO_FIELD_LENGTH_RANGE, WINDOW_SIZE_RANGE, type HdlcSettings } from '../dlms/hdlc/parameters';
import { summarizeFrame } from '../dlms/hdlc/describe';
import { HdlcFramer } from '../drivers/hdlc-framer';
import type { Transport } from '../drivers/transport';
import type { HdlcLinkView, LinkProposal, LinkSettings, RawFrameArrival } from './api';
import { apduLayer } from './describe';
import type { FrameHint, FrameRecorder } from './frame-recorder';
import { Inbox } from './inbox';
import { type ApduArrival, type Link, type OpenOutcome, writeUnlessClosed } from './link';
import { monotonicMs } from './recorder';

/** Frames from the inbox and from the encoder are fresh arrays nobody writes to again. */
const OWNED: FrameHint = { owned: true };
/** So a received frame's information field can be a view of the frame's bytes, not a copy. */
const INFO_VIEW: FrameDecodeOptions = { infoView: true };
const TICK: LinkEvent = { type: 'tick' };
const DONE: Waited = { kind: 'done' };
const POLL: LinkEvent = { type: 'poll' };

/** Largest APDU the client reassembles; a DUT that never clears the S bit is stopped here. */
const MAX_REASSEMBLY = 1 << 20;
/** Frames taken in one wait before the DUT is judged to flood the line. */
export const FLOOD_LIMIT = 4096;

type Waited =
  | { readonly kind: 'done' }
  | { readonly kind: 'silence'; readonly waitedMs: number }
  | { readonly kind: 'malformed'; readonly error: DecodeError }
  | { readonly kind: 'closed' };

/** The settings the client proposes: the profile's, overridden per connection; none given proposes nothing. */
function proposalOf(link: LinkSettings, p: LinkProposal = {}): { settings: HdlcSettings; propose: boolean } {
  const tx = p.maxInfoTx ?? link.maxInfoTx;
  const rx = p.maxInfoRx ?? link.maxInfoRx;
  const wtx = p.windowTx ?? link.window;
  const wrx = p.windowRx ?? link.window;
  const propose = [tx, rx, wtx, wrx].some((v) => v !== undefined);
  const clamp = (v: number | undefined, d: number, r: { min: number; max: number }): number => Math.min(r.max, Math.max(r.min, v ?? d));
  return {
    propose,
    settings: {
      maxInfoFieldLengthTransmit: clamp(tx, DEFAULT_SETTINGS.maxInfoFieldLengthTransmit, MAX_INFO_FIELD_LENGTH_RANGE),
      maxInfoFieldLengthReceive: clamp(rx, DEFAULT_SETTINGS.maxInfoFieldLengthReceive, MAX_INFO_FIELD_LENGTH_RANGE),
      windowSizeTransmit: clamp(wtx, DEFAULT_SETTINGS.windowSizeTransmit, WINDOW_SIZE_RANGE),
      windowSizeReceive: clamp(wrx, DEFAULT_SETTINGS.windowSizeReceive, WINDOW_SIZE_RANGE),
    },
  };
}

export class HdlcClientLink implements Link {
  private readonly inbox: Inbox;
  private readonly client: HdlcAddress;
  private readonly server: HdlcAddress;
  private state: LinkState;
  private delivered: Uint8Array[] = [];
  /** Messages from UI frames: pushed APDUs (data-notification), not answers. */
  private pushed: Uint8Array[] = [];
  private problem: DecodeError | undefined;
  private lost: LinkAction & { type: 'disconnected' } = { type: 'disconnected', reason: 'ua' };
  private down = false;
  /** A write found the connection closed by the meter. */
  private writeFailed = false;

  constructor(
    private readonly transport: Transport,
    private readonly link: LinkSettings,
    clientSap: number,
    private readonly rec: FrameRecorder,
    proposal?: LinkProposal,
  ) {
    this.client = clientAddress(clientSap);
    // One byte carries the upper address only (Green Book 8.4.2.2): the physical address needs two or four.
    this.server = link.addressSize === 1 ? serverAddress(link.serverLogical) : serverAddress(link.serverLogical, link.serverPhysical ?? 0, link.addressSize);
    const p = proposalOf(link, proposal);
    this.state = initialLinkState({
      role: 'client',
      local: this.client,
      remote: this.server,
      settings: p.settings,
      proposeParameters: p.propose,
      responseTimeoutMs: link.responseTimeoutMs,
      maxRetries: link.retries ?? 0,
      maxMessageSize: MAX_REASSEMBLY,
      ...(proposal?.segmentLimit === undefined ? {} : { segmentLimit: proposal.segmentLimit }),
    });
    this.inbox = new Inbox(new HdlcFramer({ interByteTimeoutMs: link.interFrameTimeoutMs }), (bytes, reason) => rec.discarded(bytes, reason));
    transport.onData((chunk) => this.inbox.feed(chunk));
    transport.onClose(() => this.inbox.close());
  }

  get dead(): boolean {
    return this.inbox.isClosed || this.writeFailed;
  }

  /** The parameters agreed in the UA, from the client's side. */
  get negotiated(): HdlcSettings {
    return this.state.settings;
  }

  view(): HdlcLinkView {
    const s = this.state;
    return { client: this.client, server: this.server, mode: s.mode, vs: s.vs, vr: s.vr, settings: s.settings };
  }

  async open(): Promise<OpenOutcome> {
    const w = await this.run({ type: 'connect' }, () => (this.state.mode === 'NRM' ? true : this.down), this.giveUpMs());
    if (w.kind === 'malformed' || w.kind === 'closed') return w;
    if (w.kind === 'silence') return w;
    if (this.state.mode !== 'NRM') {
      if (this.lost.reason === 'dm') return { kind: 'refused', note: 'the DUT answered SNRM with DM (disconnected mode)' };
      if (this.lost.reason === 'timeout') return { kind: 'silence', waitedMs: this.giveUpMs() };
      return { kind: 'malformed', error: new DecodeError('HDLC_LINK_REFUSED', 0, 'UA in answer to SNRM', `the link went down (${this.lost.reason})`) };
    }
    const s = this.state.settings;
    return {
      kind: 'open',
      note: `link open: max info tx ${s.maxInfoFieldLengthTransmit}, rx ${s.maxInfoFieldLengthReceive}, window tx ${s.windowSizeTransmit}, rx ${s.windowSizeReceive}`,
    };
  }

  async exchange(apdu: Uint8Array, reply = true): Promise<ApduArrival> {
    if (this.state.mode !== 'NRM') return this.notConnected();
    this.delivered = [];
    const payload = addLlc('request', apdu);
    if (!reply) {
      // Without an answer to wait for: done once every segment went out and was acknowledged.
      const w = await this.run(
        { type: 'send', payload },
        () => this.state.outbox.length === 0 && this.state.unacked.length === 0 && !this.state.poll,
        this.giveUpMs(),
      );
      return w.kind === 'done' ? { kind: 'silence', waitedMs: 0 } : this.arrival(w);
    }
    const w = await this.run({ type: 'send', payload }, this.answered, this.giveUpMs(), true);
    return this.arrival(w);
  }

  async receive(timeoutMs: number): Promise<ApduArrival> {
    if (this.state.mode !== 'NRM') return this.notConnected();
    this.delivered = [];
    const w = await this.run(undefined, this.answered, timeoutMs, true);
    return this.arrival(w);
  }

  /**
   * Gives the server the right to send what it holds: an empty UI frame with P (DLMS UA event
   * reporting over HDLC); a UI answer carries the pushed APDU, an RR says there is none.
   */
  async poll(timeoutMs: number): Promise<ApduArrival> {
    if (this.state.mode !== 'NRM') return this.notConnected();
    if (this.pushed.length === 0) {
      const w = await this.run({ type: 'send-ui', payload: new Uint8Array(0), poll: true }, () => this.pushed.length > 0 || !this.state.poll, timeoutMs);
      if (w.kind !== 'done') return w;
    }
    const message = this.pushed.shift();
    if (message === undefined) return { kind: 'silence', waitedMs: 0 };
    try {
      return { kind: 'apdu', bytes: stripLlc(message, 'response').apdu };
    } catch (e) {
      if (isDecodeError(e)) return { kind: 'malformed', error: e };
      throw e;
    }
  }

  async close(): Promise<void> {
    // A link known dead is not waited on: no DISC, no response timeout (the meter hung up).
    if (this.dead || this.state.mode === 'NDM') return;
    await this.run({ type: 'disconnect' }, () => this.state.mode === 'NDM', this.giveUpMs());
  }

  // ---- raw access for frame-crafting steps: no machine, every frame as it is ----------------

  async sendRaw(bytes: Uint8Array, note?: string): Promise<void> {
    if (this.dead) {
      this.rec.event('the meter had closed the connection: frame not sent');
      return;
    }
    this.rec.tx(bytes, note);
    await this.write(bytes);
  }

  /** Never a write after the meter hung up: EPIPE would be a harness error for DUT behaviour. */
  private write(bytes: Uint8Array): Promise<void> {
    return writeUnlessClosed(this.transport, bytes, this.isDead).then(this.written);
  }

  private readonly isDead = (): boolean => this.dead;

  /** The goal of an exchange: an answer delivered (one function for every exchange, not a closure each). */
  private readonly answered = (): boolean => this.delivered.length > 0;

  private readonly written = (ok: boolean): void => {
    if (ok) return;
    if (!this.writeFailed) this.rec.event('the meter had closed the connection: nothing more is sent');
    this.writeFailed = true;
  };

  async nextRaw(timeoutMs: number): Promise<RawFrameArrival> {
    const a = await this.inbox.next(timeoutMs);
    if (a.kind === 'timeout') {
      this.rec.event(`no frame within ${timeoutMs} ms`);
      return { kind: 'silence', waitedMs: timeoutMs };
    }
    if (a.kind === 'closed') {
      this.rec.event('the meter closed the connection');
      return a;
    }
    this.rec.rx(a.bytes, undefined, OWNED);
    return { kind: 'frame', bytes: a.bytes };
  }

  // ---- the drive loop -----------------------------------------------------------------------

  /** How long an answer may take without progress: each poll and each retransmission's timeout. */
  private giveUpMs(): number {
    return this.link.responseTimeoutMs * ((this.link.retries ?? 0) + 1);
  }

  private notConnected(): ApduArrival {
    if (this.dead) {
      this.rec.event('the meter had closed the connection: no request sent');
      return { kind: 'closed' };
    }
    this.rec.event(`the HDLC link is down (${this.lost.reason}): no request sent`);
    return { kind: 'closed' };
  }

  private arrival(w: Waited): ApduArrival {
    if (w.kind !== 'done') return w;
    const message = this.delivered.shift();
    if (message === undefined) return { kind: 'closed' };
    try {
      const apdu = stripLlc(message, 'response').apdu;
      return { kind: 'apdu', bytes: apdu };
    } catch (e) {
      if (isDecodeError(e)) return { kind: 'malformed', error: e };
      throw e;
    }
  }

  /**
   * Feeds `first` to the machine, then frames and ticks until `goal` holds, a rule is broken, the
   * link goes down, or `boundMs` pass without progress (an I frame received). With `repoll`, an
   * idle link is polled again each inter-frame timeout: the server may only answer a poll.
   */
  private async run(first: LinkEvent | undefined, goal: () => boolean, boundMs: number, repoll = false): Promise<Waited> {
    this.problem = undefined;
    this.down = false;
    const sent = first === undefined ? undefined : this.apply(first);
    if (sent !== undefined) await sent;
    // One clock read serves the bound and the loop's first turn; after a frame, the time it was taken.
    let now = monotonicMs();
    let giveUp = now + boundMs;
    let frames = 0;
    for (let turn = 0; ; turn++) {
      if (this.writeFailed) return { kind: 'closed' };
      if (this.problem) return { kind: 'malformed', error: this.problem };
      if (goal()) return DONE;
      if (this.down) {
        if (this.lost.reason === 'timeout') return { kind: 'silence', waitedMs: boundMs };
        return { kind: 'malformed', error: new DecodeError('HDLC_LINK_DOWN', 0, 'an answer on the open link', `the link went down (${this.lost.reason})`) };
      }
      if (turn > 0) now = monotonicMs();
      if (now >= giveUp && !this.state.poll) {
        this.rec.event(`no answer within ${boundMs} ms`);
        return { kind: 'silence', waitedMs: boundMs };
      }
      if (this.state.deadline !== undefined && now >= this.state.deadline) {
        await this.apply(TICK);
        continue;
      }
      const idle = !this.state.poll && this.state.mode === 'NRM';
      const until = Math.min(this.state.deadline ?? giveUp, idle && repoll ? now + this.link.interFrameTimeoutMs : giveUp, giveUp);
      const a = await this.inbox.next(Math.max(0, until - now));
      if (a.kind === 'closed') {
        this.rec.event('the meter closed the connection');
        return a;
      }
      if (a.kind === 'timeout') {
        if (idle && repoll && monotonicMs() < giveUp) await this.apply(POLL);
        continue;
      }
      // Decoded before it is recorded, so the record reuses the decoding (the inbox's frames are fresh copies).
      let frame: HdlcFrame;
      try {
        frame = decodeFrame(a.bytes, 0, INFO_VIEW);
      } catch (e) {
        if (!isDecodeError(e)) throw e;
        this.rec.rx(a.bytes, undefined, OWNED);
        if (++frames > FLOOD_LIMIT) return this.flooded();
        return { kind: 'malformed', error: e };
      }
      this.rec.rx(a.bytes, undefined, { owned: true, frame });
      if (++frames > FLOOD_LIMIT) return this.flooded();
      const before = this.state.vr;
      const takenAt = monotonicMs();
      // Most frames received send nothing back (the last of an answer): no promise to wait for then.
      const sending = this.apply({ type: 'receive', frame }, takenAt);
      const progress = this.state.vr !== before;
      if (sending !== undefined) await sending;
      // The bound restarts once the step's own frames are out: at once when it sent none.
      if (progress) giveUp = (sending === undefined ? takenAt : monotonicMs()) + boundMs;
    }
  }

  private flooded(): Waited {
    this.rec.event(`more than ${FLOOD_LIMIT} frames in one wait: the DUT floods the line`);
    return { kind: 'malformed', error: new DecodeError('HDLC_FLOOD', 0, `at most ${FLOOD_LIMIT} frames in answer to one request`, 'more') };
  }

  /**
   * Steps the machine. Only a transmission waits (for its write): the other actions are
   * bookkeeping, done in place, and a step that transmits nothing returns no promise at all.
   */
  private apply(e: LinkEvent, now = monotonicMs()): Promise<void> | undefined {
    const r = step(this.state, e, now);
    this.state = r.state;
    const actions = r.actions;
    for (let i = 0; i < actions.length; i++) {
      const a = actions[i] as LinkAction;
      // A transmission last of all (a request, a poll) is waited on alone, without another async frame.
      if (a.type === 'transmit') return i === actions.length - 1 ? this.transmit(a) : this.performFrom(actions, i);
      this.perform(a);
    }
    return undefined;
  }

  /** The actions from the first transmission on, in order, each write waited for. */
  private async performFrom(actions: readonly LinkAction[], from: number): Promise<void> {
    for (let i = from; i < actions.length; i++) {
      const a = actions[i] as LinkAction;
      if (a.type === 'transmit') await this.transmit(a);
      else this.perform(a);
    }
  }

  private transmit(a: LinkAction & { type: 'transmit' }): Promise<void> | undefined {
    const bytes = encodeFrame(a.frame);
    if (this.dead) return undefined;
    this.rec.tx(bytes, a.retransmission ? 'retransmission' : undefined, { owned: true, frame: a.frame });
    return this.write(bytes);
  }

  private perform(a: Exclude<LinkAction, { type: 'transmit' }>): void {
    switch (a.type) {
      case 'deliver':
        if (a.unnumbered) {
          this.pushed.push(a.payload);
          return;
        }
        if (a.payload.length > this.state.settings.maxInfoFieldLengthReceive) this.recordReassembly(a.payload);
        this.delivered.push(a.payload);
        return;
      case 'violation':
        this.rec.event(`link rule broken by the DUT: ${a.code}: expected ${a.expected}, got ${a.actual}`);
        this.problem ??= new DecodeError(a.code, 0, a.expected, a.actual);
        return;
      case 'timeout':
        this.rec.event(`no answer within ${a.waitedMs} ms${a.retransmitting ? ': retransmitting' : ': the link is given up'}`);
        return;
      case 'disconnected':
        this.lost = a;
        this.down = true;
        this.rec.event(`HDLC link down (${a.reason})`);
        return;
      case 'connected':
        return;
      case 'ignored':
        this.rec.event(`frame ignored (${summarizeFrame(a.frame)}): ${a.reason}`);
        return;
      default: {
        const never: never = a;
        throw new Error(`unknown link action ${JSON.stringify(never)}`);
      }
    }
  }

  private recordReassembly(message: Uint8Array): void {
    let apdu: Uint8Array;
    try {
      apdu = stripLlc(message, 'response').apdu;
    } catch (e) {
      if (!isDecodeError(e)) throw e;
      return;
    }
    this.rec.eventLater('APDU reassembled from segments', () => [apduLayer(apdu)]);
  }
}
