/**
 * The simulator's HDLC link (IEC 62056-46 / Green Book 8.4): the IO-free shell around the link
 * machine of dlms/hdlc/link.ts in the server role, the same machine the client runs. This file
 * only decodes, addresses and encodes:
 *
 * - The parameters come from the meter's IEC HDLC setup (Blue Book 4.7.2, class 23, the values
 *   0-0:22.0.0.255 reports): the most it offers in UA, the inter-octet and inactivity timeouts.
 * - It answers its address in the one-byte (upper only) and two-byte forms (four bytes when a
 *   half does not fit seven bits); frames that do not decode are discarded silently (Green Book
 *   8.4.3.1), so are frames for another address.
 * - I frames carry LLC (E6 E6 00 in, E6 E7 00 out, Green Book 8.3) and an APDU, which goes to
 *   the session; its response goes back through the machine, segmented and windowed.
 * - A UI frame with P in NRM lets the server send a pushed APDU (DLMS UA event reporting).
 *
 * Faults (simulator/faults/hdlc-*.ts) act at the points hdlc-hooks.ts names.
 */
import { isDecodeError } from '../../dlms/bytes';
import { addressExtent, serverAddress, type HdlcAddress } from '../../dlms/hdlc/address';
import { controlByte } from '../../dlms/hdlc/control';
import { fcs16 } from '../../dlms/hdlc/fcs';
import { decodeFrame, encodeFrame, type HdlcFrame } from '../../dlms/hdlc/frame';
import { initialLinkState, step, type LinkEvent, type LinkState } from '../../dlms/hdlc/link';
import { addLlc, stripLlc } from '../../dlms/hdlc/llc';
import type { HdlcSettings as LinkSettings } from '../../dlms/hdlc/parameters';
import type { StreamFramer } from '../../drivers/framer';
import { HdlcFramer } from '../../drivers/hdlc-framer';
import type { ActiveHooks } from '../faults/types';
import type { HdlcSettings } from '../meter/definition';
import { FlagFramer, readLeniently } from './hdlc-lenient';
import type { Session } from './session';

/** Flags, format (2), one-byte addresses (2), control and FCS (2): the shortest frame that has an FCS. */
const MIN_FRAME_WITH_FCS = 9;

/** A reassembled APDU longer than this is refused: no xDLMS PDU is longer (65535 plus LLC). */
const MAX_REASSEMBLY = 0xffff + 3;

export interface HdlcServerLink {
  /** One whole frame, flags included, as the framer delivered it; the frames to send back. */
  handleFrame(bytes: Uint8Array, now: number): Uint8Array[];
  /** Lets time pass: the inactivity timeout may end the link. */
  tick(now: number): void;
  readonly connected: boolean;
  /** What the last UA agreed, from the server's point of view. */
  readonly negotiated: LinkSettings | undefined;
  /** The link machine's state, for tests and faults. */
  readonly state: LinkState;
  /** When `tick` should next be called, if anything is timed. */
  deadline(): number | undefined;
  /** A DISC has ended the link at least once. */
  readonly discReceived: boolean;
  /** Fault hdlc-swallows-frame-after-short: drop the next frame whatever it is. */
  swallowNext(): void;
}

/** The server's address forms: two bytes (four when a half needs more than seven bits), and one byte (upper only). */
function addressForms(s: HdlcSettings, anySize: boolean, noOneByte: boolean): { local: HdlcAddress; aliases: HdlcAddress[] } {
  const local = serverAddress(s.serverLogical, s.serverPhysical);
  const aliases: HdlcAddress[] = s.serverLogical <= 0x7f && !noOneByte ? [serverAddress(s.serverLogical)] : [];
  if (anySize && local.size === 2) aliases.push(serverAddress(s.serverLogical, s.serverPhysical, 4));
  return { local, aliases };
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

/** For `unknownControlAs`: the frame with its undefined control byte replaced by the type's own. */
function withControl(bytes: Uint8Array, type: 'DISC'): Uint8Array {
  const b = bytes.slice();
  const dst = addressExtent(b, 3, b.length - 3);
  const src = dst === undefined ? undefined : addressExtent(b, 3 + dst, b.length - 3);
  if (dst === undefined || src === undefined) return b;
  const at = 3 + dst + src;
  b[at] = controlByte({ type, pf: ((b[at] as number) & 0x10) !== 0, ns: 0, nr: 0 });
  return withRepairedChecks(b);
}

export function createHdlcServerLink(settings: HdlcSettings, hooks: ActiveHooks, session: Session): HdlcServerLink {
  const h = hooks.hdlc;
  const { local, aliases } = addressForms(settings, h.acceptAnyAddressSize, h.noOneByteAddress);
  let state = initialLinkState({
    role: 'server',
    local,
    aliases,
    settings: {
      maxInfoFieldLengthTransmit: settings.maxInfoTx,
      maxInfoFieldLengthReceive: settings.maxInfoRx,
      windowSizeTransmit: settings.windowTx,
      windowSizeReceive: settings.windowRx,
    },
    responseTimeoutMs: 0,
    maxRetries: 0,
    maxMessageSize: MAX_REASSEMBLY,
    ...(h.noInactivityTimeout || settings.inactivityTimeoutS === 0 ? {} : { inactivityTimeoutMs: settings.inactivityTimeoutS * 1000 }),
  });
  let negotiated: LinkSettings | undefined;
  let discReceived = false;
  /** Fault hdlc-swallows-frame-after-short: the frame after a too-short one is dropped. */
  let swallowNext = false;
  /** Pushed APDUs waiting for a UI poll. */
  let pushes: Uint8Array[] = [];

  function decode(bytes: Uint8Array): HdlcFrame | undefined {
    try {
      return decodeFrame(bytes);
    } catch (e) {
      if (!isDecodeError(e)) throw e;
      const code = e.code;
      if (code === 'HDLC_TOO_SHORT' && h.swallowAfterShortFrame) swallowNext = true;
      if ((code === 'HDLC_BAD_FCS' || code === 'HDLC_BAD_HCS') && hooks.acceptBadFcs) return decode(withRepairedChecks(bytes));
      if (code === 'HDLC_UNKNOWN_CONTROL' && h.unknownControlAs !== undefined) return decode(withControl(bytes, h.unknownControlAs));
      const formatCodes = [
        'HDLC_BAD_FORMAT_TYPE',
        'HDLC_LENGTH_MISMATCH',
        'HDLC_TOO_SHORT',
        'HDLC_NO_OPENING_FLAG',
        'HDLC_NO_CLOSING_FLAG',
        'HDLC_BAD_FCS',
        'HDLC_BAD_HCS',
      ];
      const addressCodes = ['HDLC_ADDRESS_BAD_LENGTH', 'HDLC_ADDRESS_TOO_LONG'];
      if ((h.lenientFormat && formatCodes.includes(code)) || (h.lenientAddressLength && addressCodes.includes(code))) {
        return readLeniently(bytes, { format: h.lenientFormat, addressLength: h.lenientAddressLength, own: local });
      }
      return undefined;
    }
  }

  /** Runs one event through the machine and everything it leads to; the frames to send. */
  function run(event: LinkEvent, now: number): Uint8Array[] {
    const r = step(state, event, now);
    state = r.state;
    const out: Uint8Array[] = [];
    for (const a of r.actions) {
      switch (a.type) {
        case 'transmit': {
          const f = h.onTransmit(a.frame, state);
          if (f) out.push(encodeFrame(f));
          break;
        }
        case 'connected':
          negotiated = a.settings;
          state = { ...state, settings: h.onNegotiated(a.settings) };
          break;
        case 'disconnected':
          if (a.reason === 'disc') discReceived = true;
          negotiated = undefined;
          pushes = [];
          session.reset();
          break;
        case 'deliver':
          // A UI message gets no answer: there is no numbered exchange to carry one.
          if (!a.unnumbered) out.push(...answer(a.payload, now));
          break;
        case 'violation':
        case 'ignored':
        case 'timeout':
          break;
        default: {
          const never: never = a;
          throw new Error(`unknown link action ${JSON.stringify(never)}`);
        }
      }
    }
    return out;
  }

  /** A request APDU to the session, its response (or nothing) back into the machine. */
  function answer(payload: Uint8Array, now: number): Uint8Array[] {
    let apdu: Uint8Array | undefined;
    try {
      apdu = stripLlc(payload, 'request').apdu;
    } catch (e) {
      if (!isDecodeError(e)) throw e;
    }
    const response = apdu === undefined ? undefined : session.handleApdu(apdu, state.peer?.upper ?? 0, now);
    if (state.mode !== 'NRM') return [];
    return run(response === undefined ? { type: 'nothing-to-send' } : { type: 'send', payload: addLlc('response', response) }, now);
  }

  /** A UI poll (P set, in NRM): the next pushed APDU, or RR when none is pending. */
  function pushPoll(now: number): Uint8Array[] {
    pushes.push(...session.takePushes());
    const next = pushes.shift();
    return run(next === undefined ? { type: 'nothing-to-send' } : { type: 'send-ui', payload: addLlc('response', next) }, now);
  }

  /**
   * Legal variants of the link's error handling (simulator/variants/): FRMR for an I frame out
   * of sequence, or silence where the machine would send FRMR. Undefined: the machine decides.
   */
  function variantHandling(frame: HdlcFrame): Uint8Array[] | undefined {
    if (state.mode !== 'NRM' || !isForUs(frame)) return undefined;
    if (h.rejectWrongNs && frame.type === 'I' && frame.ns !== state.vr) {
      const rejection = new Uint8Array(0);
      state = { ...state, mode: 'frame-reject', poll: false, rejection };
      return [encodeFrame({ type: 'FRMR', destination: frame.source, source: frame.destination, pf: true, info: rejection })];
    }
    if (h.discardInsteadOfFrmr && (frame.type === 'I' || frame.type === 'RR' || frame.type === 'RNR')) {
      const tooLong = frame.type === 'I' && frame.info.length > state.settings.maxInfoFieldLengthReceive;
      const sent = state.unacked.length;
      // N(R) may acknowledge from the oldest unacknowledged frame up to V(S).
      const oldest = (state.vs - sent + 8) % 8;
      const nrValid = Array.from({ length: sent + 1 }, (_, i) => (oldest + i) % 8).includes(frame.nr);
      if (tooLong || !nrValid) return [];
    }
    return undefined;
  }

  /**
   * Fault hdlc-serves-in-ndm: in NDM an I frame is served as if the link were connected (its APDU
   * to the session, the answer in an I frame acknowledging it) and an RR gets an RR, where the
   * link machine answers DM (Green Book 8.4.4).
   */
  function servedInNdm(frame: HdlcFrame, now: number): Uint8Array[] | undefined {
    if (!h.serveInNdm || state.mode !== 'NDM' || !isForUs(frame)) return undefined;
    const reply = { destination: frame.source, source: frame.destination, pf: true };
    if (frame.type === 'RR') return [encodeFrame({ ...reply, type: 'RR', nr: 0 })];
    if (frame.type !== 'I') return undefined;
    let apdu: Uint8Array | undefined;
    try {
      apdu = stripLlc(frame.info, 'request').apdu;
    } catch (e) {
      if (!isDecodeError(e)) throw e;
    }
    const response = apdu === undefined ? undefined : session.handleApdu(apdu, frame.source.upper, now);
    const nr = (frame.ns + 1) % 8;
    if (response === undefined) return [encodeFrame({ ...reply, type: 'RR', nr })];
    return [encodeFrame({ ...reply, type: 'I', ns: 0, nr, segmented: false, info: addLlc('response', response) })];
  }

  function isForUs(frame: HdlcFrame): boolean {
    return frame.destination.upper === local.upper;
  }

  return {
    get connected() {
      return state.mode === 'NRM' || state.mode === 'frame-reject';
    },
    get negotiated() {
      return negotiated;
    },
    get discReceived() {
      return discReceived;
    },
    swallowNext() {
      swallowNext = true;
    },
    get state() {
      return state;
    },
    deadline: () => state.deadline,
    tick(now) {
      run({ type: 'tick' }, now);
    },
    handleFrame(bytes, now) {
      const swallow = swallowNext;
      swallowNext = false;
      let frame = decode(bytes);
      if (frame === undefined || swallow) return [];
      if (h.acceptAnyDestination && frame.destination.upper !== settings.serverLogical) {
        frame = { ...frame, destination: frame.destination.size === 1 ? serverAddress(settings.serverLogical) : local };
      }
      frame = h.onReceive(frame, state);
      const ndm = servedInNdm(frame, now);
      if (ndm !== undefined) return ndm;
      const variant = variantHandling(frame);
      if (variant !== undefined) return variant;
      const out = run({ type: 'receive', frame }, now);
      if (frame.type === 'UI' && frame.pf && state.mode === 'NRM' && state.poll) out.push(...pushPoll(now));
      return out;
    },
  };
}

export interface HdlcServerConnection {
  receive(chunk: Uint8Array, now: number): Uint8Array[];
  expire(now: number): void;
  deadline(): number | undefined;
  /** A DISC ended the link (the UA is among what receive returned). */
  readonly discReceived: boolean;
}

/** The framer (with the meter's inter-octet timeout) and the link, over one stream. */
export function createHdlcServerConnection(settings: HdlcSettings, hooks: ActiveHooks, session: Session): HdlcServerConnection {
  const h = hooks.hdlc;
  const timeout = h.noInterFrameTimeout ? {} : { interByteTimeoutMs: settings.interOctetTimeoutMs };
  const framer: StreamFramer = h.lenientFormat ? new FlagFramer(timeout) : new HdlcFramer(timeout);
  const link = createHdlcServerLink(settings, hooks, session);
  return {
    get discReceived() {
      return link.discReceived;
    },
    receive(chunk, now) {
      const out: Uint8Array[] = [];
      // Discarded bytes are noise on the line: a server says nothing about them.
      for (const event of framer.feed(chunk, now)) {
        if (event.type === 'frame') out.push(...link.handleFrame(event.bytes, now));
        // Fault hdlc-swallows-frame-after-short: a frame too short for its FCS takes the next one with it.
        else if (h.swallowAfterShortFrame && event.bytes.length < MIN_FRAME_WITH_FCS) link.swallowNext();
      }
      return out;
    },
    expire(now) {
      framer.expire(now);
      link.tick(now);
    },
    deadline() {
      const times = [framer.deadline(), link.deadline()].filter((t): t is number => t !== undefined);
      return times.length === 0 ? undefined : Math.min(...times);
    },
  };
}
