/**
 * The server (secondary station) side of the HDLC link in normal response mode (IEC 62056-46 /
 * Green Book 8.4), sans-IO: one whole frame in, the frames to send back out.
 *
 * - Frames for another server address, and frames whose HCS or FCS is wrong, are discarded
 *   silently (Green Book 8.4.3.1); so are frames that do not decode.
 * - SNRM → UA with the negotiated parameters (Green Book 8.4.5.3.2): each value is the smaller
 *   of the client's proposal (or its default) and the server's own limit.
 * - I frames carry LLC (E6 E6 00 in, E6 E7 00 out, Green Book 8.3) and an APDU, possibly
 *   segmented (S bit, Green Book 8.4.4); a response longer than the negotiated maximum
 *   information field goes out in segments, the next ones when the client polls with RR.
 * - DISC → UA when connected, DM when not; the association ends with the link.
 * The secondary speaks only when polled: a reply goes out only for a frame with P set.
 */
import { isDecodeError } from '../../dlms/bytes';
import { addressExtent, type HdlcAddress } from '../../dlms/hdlc/address';
import { fcs16 } from '../../dlms/hdlc/fcs';
import { decodeFrame, encodeFrame, type HdlcFrame } from '../../dlms/hdlc/frame';
import { addLlc, stripLlc } from '../../dlms/hdlc/llc';
import { DEFAULT_SETTINGS, infoOfParameters, parameterList, parametersOfInfo, settingsOf, type HdlcSettings as LinkSettings } from '../../dlms/hdlc/parameters';
import { addSegment, EMPTY_REASSEMBLY, splitSegments, type Reassembly, type Segment } from '../../dlms/hdlc/segments';
import type { ActiveHooks } from '../faults/types';
import type { HdlcSettings } from '../meter/definition';
import type { Session } from './session';

/** HDLC sequence numbers count modulo 8 (Green Book 8.4.3.4). */
const MODULO = 8;
/** A reassembled APDU longer than this is dropped: no xDLMS PDU is longer (65535 plus LLC). */
const MAX_REASSEMBLY = 0xffff + 3;

export interface HdlcServerLink {
  /** One whole frame, flags included, as the framer delivered it. */
  handleFrame(bytes: Uint8Array, now: number): Uint8Array[];
  readonly connected: boolean;
  /** What the last UA agreed, from the server's point of view. */
  readonly negotiated: LinkSettings | undefined;
}

/**
 * For the `hdlc-accepts-bad-fcs` fault: the frame with its HCS and FCS recomputed, so the
 * decoder takes it as intact. Only the check fields change.
 */
function withRepairedChecks(bytes: Uint8Array): Uint8Array {
  const b = bytes.slice();
  const n = b.length;
  const dst = addressExtent(b, 3, n - 3);
  const src = dst === undefined ? undefined : addressExtent(b, 3 + dst, n - 3);
  if (dst !== undefined && src !== undefined) {
    const hcsAt = 3 + dst + src + 1;
    if (hcsAt + 2 < n - 3) {
      const hcs = fcs16(b, 1, hcsAt);
      b[hcsAt] = hcs & 0xff;
      b[hcsAt + 1] = hcs >>> 8;
    }
  }
  const fcs = fcs16(b, 1, n - 3);
  b[n - 3] = fcs & 0xff;
  b[n - 2] = fcs >>> 8;
  return b;
}

/** A frame without its addresses: the link fills them in (to the client, from the address it used). */
type Unaddressed = HdlcFrame extends infer F ? (F extends HdlcFrame ? Omit<F, 'destination' | 'source'> : never) : never;

interface AddressedInfo {
  readonly destination: HdlcAddress;
  readonly source: HdlcAddress;
  readonly info: Uint8Array;
}

function addressedTo(dst: HdlcAddress, s: HdlcSettings): boolean {
  if (dst.upper !== s.serverLogical) return false;
  return dst.size === 1 || dst.lower === s.serverPhysical;
}

export function createHdlcServerLink(settings: HdlcSettings, hooks: ActiveHooks, session: Session): HdlcServerLink {
  let connected = false;
  let client: HdlcAddress | undefined;
  let us: HdlcAddress | undefined;
  let negotiated: LinkSettings | undefined;
  let vs = 0;
  let vr = 0;
  let rx: Reassembly = EMPTY_REASSEMBLY;
  /** Segments of the current response not sent yet. */
  let queue: Segment[] = [];
  /** Sent and not yet acknowledged: kept for retransmission. */
  let unacked: { readonly ns: number; readonly segment: Segment }[] = [];

  const reply = (frame: Unaddressed): Uint8Array => encodeFrame({ ...frame, destination: client!, source: us! } as HdlcFrame);

  function disconnect(): void {
    connected = false;
    negotiated = undefined;
    rx = EMPTY_REASSEMBLY;
    queue = [];
    unacked = [];
    session.reset();
  }

  /** N(R) acknowledges every unacknowledged frame before it (Green Book 8.4.3.4). */
  function acknowledge(nr: number): void {
    if (!unacked.some((u) => u.ns === nr)) unacked = [];
    else while (unacked.length > 0 && unacked[0]!.ns !== nr) unacked.shift();
  }

  function iFrame(ns: number, segment: Segment, final: boolean): Uint8Array {
    return reply({ type: 'I', ns, nr: vr, pf: final, segmented: segment.segmented, info: segment.info });
  }

  /** The answer to a poll: unacknowledged frames again, else the next window of segments, else RR. */
  function answerPoll(): Uint8Array[] {
    if (unacked.length > 0) return unacked.map((u, i) => iFrame(u.ns, u.segment, i === unacked.length - 1));
    if (queue.length > 0) {
      const window = negotiated?.windowSizeTransmit ?? 1;
      const batch = queue.splice(0, window);
      return batch.map((segment, i) => {
        const ns = vs;
        vs = (vs + 1) % MODULO;
        unacked.push({ ns, segment });
        return iFrame(ns, segment, i === batch.length - 1);
      });
    }
    return [reply({ type: 'RR', nr: vr, pf: true })];
  }

  function snrm(frame: AddressedInfo): Uint8Array[] {
    let proposed: LinkSettings;
    try {
      proposed = settingsOf(parametersOfInfo(frame.info), DEFAULT_SETTINGS);
    } catch (e) {
      if (isDecodeError(e)) return []; // an SNRM whose parameters do not decode is not answered
      throw e;
    }
    if (connected) disconnect();
    client = frame.source;
    us = frame.destination;
    // The client's transmit is the server's receive and vice versa.
    negotiated = {
      maxInfoFieldLengthTransmit: Math.min(proposed.maxInfoFieldLengthReceive, settings.maxInfoTx),
      maxInfoFieldLengthReceive: Math.min(proposed.maxInfoFieldLengthTransmit, settings.maxInfoRx),
      windowSizeTransmit: Math.min(proposed.windowSizeReceive, settings.windowTx),
      windowSizeReceive: Math.min(proposed.windowSizeTransmit, settings.windowRx),
    };
    connected = true;
    vs = 0;
    vr = 0;
    return [reply({ type: 'UA', pf: true, info: infoOfParameters(parameterList(negotiated)) })];
  }

  function information(frame: Extract<HdlcFrame, { type: 'I' }>, now: number): Uint8Array[] {
    acknowledge(frame.nr);
    if (frame.ns !== vr) return frame.pf ? answerPoll() : []; // out of sequence: not accepted
    vr = (vr + 1) % MODULO;
    let result;
    try {
      result = addSegment(rx, frame, MAX_REASSEMBLY);
    } catch (e) {
      if (!isDecodeError(e)) throw e;
      rx = EMPTY_REASSEMBLY;
      return frame.pf ? answerPoll() : [];
    }
    rx = result.reassembly;
    if (result.kind === 'complete') {
      // A new request supersedes whatever was left of the previous response.
      queue = [];
      unacked = [];
      let apdu: Uint8Array | undefined;
      try {
        apdu = stripLlc(result.message, 'request').apdu;
      } catch (e) {
        if (!isDecodeError(e)) throw e;
      }
      const response = apdu === undefined ? undefined : session.handleApdu(apdu, client!.upper, now);
      if (response !== undefined) queue = [...splitSegments(addLlc('response', response), negotiated!.maxInfoFieldLengthTransmit)];
    }
    return frame.pf ? answerPoll() : [];
  }

  /** Green Book 8.4.5.2: a disconnected secondary answers a polled command with DM. */
  function notConnected(frame: HdlcFrame): Uint8Array[] {
    if (!frame.pf) return [];
    client = frame.source;
    us = frame.destination;
    return [reply({ type: 'DM', pf: true })];
  }

  function handle(frame: HdlcFrame, now: number): Uint8Array[] {
    // Another client while this one holds the link is not answered.
    if (connected && frame.type !== 'SNRM' && frame.source.upper !== client!.upper) return [];
    switch (frame.type) {
      case 'SNRM':
        return snrm(frame);
      case 'I':
        return connected ? information(frame, now) : notConnected(frame);
      case 'RR':
      case 'RNR':
        if (!connected) return notConnected(frame);
        acknowledge(frame.nr);
        return frame.pf ? answerPoll() : [];
      case 'DISC': {
        if (!connected) return notConnected(frame);
        const ua = reply({ type: 'UA', pf: true, info: new Uint8Array(0) });
        disconnect();
        return [ua];
      }
      case 'UI':
      case 'UA':
      case 'DM':
      case 'FRMR':
        return []; // responses and unnumbered information are not commands to this server
      default: {
        const never: never = frame;
        return never;
      }
    }
  }

  return {
    get connected() {
      return connected;
    },
    get negotiated() {
      return negotiated;
    },
    handleFrame(bytes, now) {
      let frame: HdlcFrame;
      try {
        frame = decodeFrame(bytes);
      } catch (e) {
        if (!isDecodeError(e)) throw e;
        const checkFailed = e.code === 'HDLC_BAD_FCS' || e.code === 'HDLC_BAD_HCS';
        if (!checkFailed || !hooks.acceptBadFcs) return [];
        try {
          frame = decodeFrame(withRepairedChecks(bytes));
        } catch (again) {
          if (isDecodeError(again)) return [];
          throw again;
        }
      }
      if (!addressedTo(frame.destination, settings)) return [];
      return handle(frame, now);
    },
  };
}
