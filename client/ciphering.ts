/**
 * Ciphering as a link: every xDLMS request goes out protected by the association's security
 * session and every answer comes back checked and deciphered, so the services (GET, SET,
 * ACTION, …) never see a protected APDU. ACSE APDUs pass as they are; their user-information is
 * the association's business (hls.ts).
 *
 * For the trace, every protected APDU gets a second decoded layer, 'deciphered-apdu', made with
 * the same keys but without touching the counters; masking applies to it like to any layer.
 */
import { describePdu } from '../dlms/pdu/describe';
import { decodePduBytes } from '../dlms/pdu/pdu';
import { decodeFrame } from '../dlms/hdlc/frame';
import { stripLlc } from '../dlms/hdlc/llc';
import { isDecodeError } from '../dlms/bytes/decode-error';
import { decodeWrapper } from '../dlms/wrapper/header';
import type { DecodedLayer, Direction } from '../dlms/trace';
import type { Framing } from './api';
import type { DeferredDescriber } from './frame-recorder';
import type { ApduArrival, Link, OpenOutcome } from './link';
import type { ProtectOverrides, SecureChannel } from './security-context';

function isAcseTag(tag: number | undefined): boolean {
  return tag !== undefined && tag >= 0x60 && tag <= 0x63;
}

export class CipheringLink implements Link {
  constructor(
    readonly inner: Link,
    readonly channel: SecureChannel,
    /** Told of every protected APDU as it crossed the link (the trace records those no single frame held). */
    private readonly seen?: (apdu: Uint8Array, dir: Direction) => void,
    /** How every APDU on this link is protected when not as the session says (HLS pass 3: the global key). */
    private readonly overrides?: ProtectOverrides,
  ) {}

  open(): Promise<OpenOutcome> {
    return this.inner.open();
  }

  async exchange(apdu: Uint8Array, reply?: boolean): Promise<ApduArrival> {
    if (isAcseTag(apdu[0])) return this.inner.exchange(apdu, reply);
    const sent = this.channel.protect(apdu, this.overrides);
    this.seen?.(sent, 'tx');
    return this.arrived(await this.inner.exchange(sent, reply));
  }

  async receive(timeoutMs: number): Promise<ApduArrival> {
    return this.arrived(await this.inner.receive(timeoutMs));
  }

  private arrived(a: ApduArrival): ApduArrival {
    if (a.kind === 'apdu') this.seen?.(a.bytes, 'rx');
    return this.channel.unprotectArrival(a);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  get dead(): boolean {
    return this.inner.dead === true;
  }
}

/** The APDU a whole frame carries (unsegmented HDLC I/UI, or a wrapper PDU); undefined otherwise. */
export function apduOfFrame(framing: Framing, bytes: Uint8Array): Uint8Array | undefined {
  try {
    if (framing === 'wrapper') return decodeWrapper(bytes).apdu;
    const frame = decodeFrame(bytes);
    if ((frame.type !== 'I' && frame.type !== 'UI') || frame.segmented || frame.info.length === 0) return undefined;
    return stripLlc(frame.info).apdu;
  } catch (e) {
    if (isDecodeError(e)) return undefined;
    throw e;
  }
}

/** The 'deciphered-apdu' layer of a protected APDU (or of the ciphered user-information of an ACSE APDU). */
export function decipheredLayer(channel: SecureChannel, apdu: Uint8Array, dir: Direction): DecodedLayer | undefined {
  let target = apdu;
  let sender: Uint8Array | undefined;
  if (isAcseTag(apdu[0])) {
    try {
      const pdu = decodePduBytes(apdu);
      const ui = 'userInformation' in pdu ? pdu.userInformation : undefined;
      if (!ui || ui.apdu?.type !== 'ciphered') return undefined;
      target = ui.raw;
      // The AARE is where the client learns the server system title: it is not known yet.
      if (pdu.type === 'aare') sender = pdu.respondingApTitle;
    } catch (e) {
      if (isDecodeError(e)) return undefined;
      throw e;
    }
  }
  const d = channel.decipherForTrace(target, dir === 'tx', sender);
  if (!d) return undefined;
  if (d.error)
    return {
      layer: 'deciphered-apdu',
      summary: `undecipherable: ${d.error.code}: expected ${d.error.expected}, got ${d.error.actual}`,
      error: { code: d.error.code, offset: d.error.offset, expected: d.error.expected, actual: d.error.actual },
    };
  try {
    return { layer: 'deciphered-apdu', summary: describePdu(decodePduBytes(d.plain!)) };
  } catch (e) {
    if (isDecodeError(e)) return { layer: 'deciphered-apdu', summary: `deciphered, but undecodable: ${e.code}` };
    throw e;
  }
}

/**
 * A describer that adds the deciphered layer to frames carrying a protected APDU, while a session
 * is open. That layer is made as the frame passes, with the keys of that moment (a key transfer
 * may change them later); the other layers are decoded when asked for.
 */
export function decipheringDescriber(framing: Framing, base: DeferredDescriber, channel: () => SecureChannel | undefined): DeferredDescriber {
  // The frame the link decoded goes on to the base describer: without it, every frame is decoded again.
  return (bytes, dir, frame) => {
    const layers = base(bytes, dir, frame);
    const c = channel();
    if (!c) return layers;
    const apdu = apduOfFrame(framing, bytes);
    const extra = apdu ? decipheredLayer(c, apdu, dir) : undefined;
    return extra ? () => [...layers(), extra] : layers;
  };
}
