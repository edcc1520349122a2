/**
 * The client side of an HDLC link (IEC 62056-46, Green Book 8.4): SNRM/UA with parameter
 * negotiation, I-frames with N(S)/N(R) bookkeeping, segmentation both ways (the S bit, RR to
 * poll for the next segment), DISC. Window 1: one frame in flight, which every DUT must
 * support. Each wait is bounded by the response timeout; nothing is retransmitted silently,
 * since a retransmission would hide the DUT's failure to answer.
 */
import { DecodeError, isDecodeError } from '../dlms/bytes/decode-error';
import { clientAddress, serverAddress, addressEquals, type HdlcAddress } from '../dlms/hdlc/address';
import { decodeFrame, encodeFrame, type HdlcFrame } from '../dlms/hdlc/frame';
import { addLlc, stripLlc } from '../dlms/hdlc/llc';
import { DEFAULT_SETTINGS, infoOfParameters, parameterList, parametersOfInfo, settingsOf, type HdlcSettings } from '../dlms/hdlc/parameters';
import { addSegment, EMPTY_REASSEMBLY, splitSegments, type Reassembly } from '../dlms/hdlc/segments';
import { SEQUENCE_MODULUS } from '../dlms/hdlc/control';
import { HdlcFramer } from '../drivers/hdlc-framer';
import type { Transport } from '../drivers/transport';
import type { LinkSettings } from './api';
import { Inbox } from './inbox';
import { apduLayer } from './describe';
import type { ApduArrival, Link, OpenOutcome } from './link';
import type { FrameRecorder } from './frame-recorder';

/** Largest APDU the client reassembles; a DUT that never clears the S bit is stopped here. */
const MAX_REASSEMBLY = 1 << 20;

export class HdlcClientLink implements Link {
  private readonly inbox: Inbox;
  private readonly client: HdlcAddress;
  private readonly server: HdlcAddress;
  private vs = 0; // V(S): N(S) of the next I-frame we send
  private vr = 0; // V(R): N(S) we expect next from the DUT
  private settings: HdlcSettings = DEFAULT_SETTINGS;

  constructor(
    private readonly transport: Transport,
    private readonly link: LinkSettings,
    clientSap: number,
    private readonly rec: FrameRecorder,
  ) {
    this.client = clientAddress(clientSap);
    this.server = serverAddress(link.serverLogical, link.serverPhysical, link.addressSize === 1 ? undefined : link.addressSize);
    this.inbox = new Inbox(new HdlcFramer({ interByteTimeoutMs: link.interFrameTimeoutMs }), (bytes, reason) =>
      rec.discarded(bytes, reason),
    );
    transport.onData((chunk) => this.inbox.feed(chunk));
    transport.onClose(() => this.inbox.close());
  }

  /** The parameters the DUT agreed to in its UA. */
  get negotiated(): HdlcSettings {
    return this.settings;
  }

  async open(): Promise<OpenOutcome> {
    const proposal: HdlcSettings = {
      // The client's transmit is the server's receive: the SNRM lists them from the client's side.
      maxInfoFieldLengthTransmit: this.link.maxInfoTx ?? DEFAULT_SETTINGS.maxInfoFieldLengthTransmit,
      maxInfoFieldLengthReceive: this.link.maxInfoRx ?? DEFAULT_SETTINGS.maxInfoFieldLengthReceive,
      windowSizeTransmit: 1,
      windowSizeReceive: 1,
    };
    const info = this.link.maxInfoTx === undefined && this.link.maxInfoRx === undefined ? new Uint8Array(0) : infoOfParameters(parameterList(proposal));
    await this.send({ type: 'SNRM', destination: this.server, source: this.client, pf: true, info });
    const answer = await this.nextFrame();
    if (answer.kind !== 'frame') return answer;
    const f = answer.frame;
    if (f.type === 'DM') return { kind: 'refused', note: 'the DUT answered SNRM with DM (disconnected mode)' };
    if (f.type !== 'UA') {
      return { kind: 'malformed', error: new DecodeError('HDLC_UNEXPECTED_FRAME', 0, 'UA in answer to SNRM', f.type) };
    }
    try {
      // The UA lists the values from the server's side: its transmit is our receive.
      const s = settingsOf(parametersOfInfo(f.info, 0));
      this.settings = {
        maxInfoFieldLengthTransmit: s.maxInfoFieldLengthReceive,
        maxInfoFieldLengthReceive: s.maxInfoFieldLengthTransmit,
        windowSizeTransmit: s.windowSizeReceive,
        windowSizeReceive: s.windowSizeTransmit,
      };
    } catch (e) {
      if (isDecodeError(e)) return { kind: 'malformed', error: e };
      throw e;
    }
    this.vs = 0;
    this.vr = 0;
    return {
      kind: 'open',
      note: `link open: max info tx ${this.settings.maxInfoFieldLengthTransmit}, rx ${this.settings.maxInfoFieldLengthReceive}, window ${this.settings.windowSizeTransmit}`,
    };
  }

  async exchange(apdu: Uint8Array, reply = true): Promise<ApduArrival> {
    const segments = splitSegments(addLlc('request', apdu), this.settings.maxInfoFieldLengthTransmit);
    for (const [i, seg] of segments.entries()) {
      await this.send({ type: 'I', destination: this.server, source: this.client, pf: true, ns: this.vs, nr: this.vr, segmented: seg.segmented, info: seg.info });
      this.vs = (this.vs + 1) % SEQUENCE_MODULUS;
      if (i < segments.length - 1) {
        // Green Book 8.4.4: with window 1 the DUT acknowledges each segment with RR before the next.
        const ack = await this.nextFrame();
        if (ack.kind !== 'frame') return ack.kind === 'malformed' ? ack : ack.kind === 'silence' ? ack : { kind: 'closed' };
        if (ack.frame.type !== 'RR') {
          return { kind: 'malformed', error: new DecodeError('HDLC_UNEXPECTED_FRAME', 0, 'RR acknowledging a segment', ack.frame.type) };
        }
      }
    }
    if (!reply) return { kind: 'silence', waitedMs: 0 };
    return this.receive(this.link.responseTimeoutMs);
  }

  async receive(timeoutMs: number): Promise<ApduArrival> {
    let reassembly: Reassembly = EMPTY_REASSEMBLY;
    for (;;) {
      const got = await this.nextFrame(timeoutMs);
      if (got.kind !== 'frame') return got;
      const f = got.frame;
      if (f.type !== 'I') {
        if (f.type === 'RR' || f.type === 'RNR') continue; // an acknowledgement without data: keep waiting
        return { kind: 'malformed', error: new DecodeError('HDLC_UNEXPECTED_FRAME', 0, 'an I-frame carrying the response', f.type) };
      }
      if (f.ns !== this.vr) {
        return { kind: 'malformed', error: new DecodeError('HDLC_BAD_NS', 0, `N(S)=${this.vr}`, `N(S)=${f.ns}`) };
      }
      this.vr = (this.vr + 1) % SEQUENCE_MODULUS;
      try {
        const step = addSegment(reassembly, { info: f.info, segmented: f.segmented }, MAX_REASSEMBLY);
        if (step.kind === 'complete') {
          const apdu = stripLlc(step.message, 'response').apdu;
          if (reassembly.parts.length > 0) this.rec.event(`APDU reassembled from ${reassembly.parts.length + 1} segments`, [apduLayer(apdu)]);
          return { kind: 'apdu', bytes: apdu };
        }
        reassembly = step.reassembly;
      } catch (e) {
        if (isDecodeError(e)) return { kind: 'malformed', error: e };
        throw e;
      }
      // Green Book 8.4.4: poll for the next segment with RR, P=1.
      await this.send({ type: 'RR', destination: this.server, source: this.client, pf: true, nr: this.vr });
    }
  }

  async close(): Promise<void> {
    if (this.inbox.isClosed) return;
    await this.send({ type: 'DISC', destination: this.server, source: this.client, pf: true });
    await this.nextFrame(); // UA or DM; either way the link is down (recorded in the trace)
  }

  private async send(frame: HdlcFrame): Promise<void> {
    const bytes = encodeFrame(frame);
    this.rec.tx(bytes);
    await this.transport.write(bytes);
  }

  /** The next frame addressed to us, decoded; frames for other stations are recorded and skipped. */
  private async nextFrame(timeoutMs = this.link.responseTimeoutMs): Promise<
    | { kind: 'frame'; frame: HdlcFrame }
    | { kind: 'silence'; waitedMs: number }
    | { kind: 'malformed'; error: DecodeError }
    | { kind: 'closed' }
  > {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const left = Math.max(0, deadline - performance.now());
      const a = await this.inbox.next(left);
      if (a.kind === 'timeout') {
        this.rec.event(`no answer within ${timeoutMs} ms`);
        return { kind: 'silence', waitedMs: timeoutMs };
      }
      if (a.kind === 'closed') {
        this.rec.event('the DUT closed the connection');
        return a;
      }
      this.rec.rx(a.bytes);
      let frame: HdlcFrame;
      try {
        frame = decodeFrame(a.bytes);
      } catch (e) {
        if (isDecodeError(e)) return { kind: 'malformed', error: e };
        throw e;
      }
      if (!addressEquals(frame.destination, this.client) || !addressEquals(frame.source, this.server)) {
        this.rec.event('frame for another station ignored');
        continue;
      }
      return { kind: 'frame', frame };
    }
  }
}
