/**
 * The client side of the IEC 62056-47 wrapper (TCP/UDP transport for COSEM): one wrapper PDU
 * per APDU, addressed by wPorts. The client wPort is the client SAP; the server wPort is the
 * logical device (Green Book 7.3.3).
 */
import { DecodeError, isDecodeError } from '../dlms/bytes/decode-error';
import { toHex } from '../dlms/bytes/hex';
import { decodeWrapper, encodeWrapper, type WrapperDecodeOptions } from '../dlms/wrapper/header';
import { WrapperFramer } from '../drivers/wrapper-framer';
import type { Transport } from '../drivers/transport';
import type { LinkSettings } from './api';
import { Inbox } from './inbox';
import { type ApduArrival, type Link, type OpenOutcome, writeUnlessClosed } from './link';
import type { FrameHint, FrameRecorder } from './frame-recorder';

/** The encoder's output and the inbox's frames are fresh arrays nobody writes to again. */
const OWNED: FrameHint = { owned: true };
/** So a received PDU's APDU can be a view of the PDU's bytes (owned, see OWNED), not a copy. */
const APDU_VIEW: WrapperDecodeOptions = { apduView: true };

/** How many of the bytes that were no wrapper PDU a verdict shows. */
const JUNK_SHOWN = 32;

export class WrapperClientLink implements Link {
  private readonly inbox: Inbox;
  /** Bytes the framer threw away since the last request: what the DUT sent that is no wrapper PDU. */
  private junk: Uint8Array[] = [];

  constructor(
    private readonly transport: Transport,
    private readonly link: LinkSettings,
    private readonly clientSap: number,
    private readonly rec: FrameRecorder,
  ) {
    this.inbox = new Inbox(new WrapperFramer({ interByteTimeoutMs: link.interFrameTimeoutMs }), (bytes, reason) => {
      rec.discarded(bytes, reason);
      this.junk.push(bytes);
    });
    transport.onData((chunk) => this.inbox.feed(chunk));
    transport.onClose(() => this.inbox.close());
  }

  async open(): Promise<OpenOutcome> {
    return { kind: 'open', note: 'wrapper: no link-layer connection to establish' };
  }

  get dead(): boolean {
    return this.inbox.isClosed;
  }

  async exchange(apdu: Uint8Array, reply = true): Promise<ApduArrival> {
    // Never a write after the meter hung up (it would be EPIPE, a harness error for a DUT behaviour).
    if (this.dead) return this.hungUp();
    const bytes = encodeWrapper({ source: this.clientSap, destination: this.link.serverLogical, apdu });
    this.rec.tx(bytes, undefined, OWNED);
    this.junk = [];
    if (!(await writeUnlessClosed(this.transport, bytes, () => this.dead))) return this.hungUp();
    if (!reply) return { kind: 'silence', waitedMs: 0 };
    // Awaited, not returned: a promise returned from an async function costs a thenable job and two turns more.
    return await this.receive(this.link.responseTimeoutMs);
  }

  async receive(timeoutMs: number): Promise<ApduArrival> {
    const a = await this.inbox.next(timeoutMs);
    if (a.kind === 'timeout') {
      // Bytes came, but no wrapper PDU: the DUT answered with something else (an HDLC frame on a
      // wrapper port, noise), which is not the silence a case may expect.
      const junk = this.junk.splice(0);
      if (junk.length > 0) {
        const all = Uint8Array.from(junk.flatMap((b) => [...b]));
        this.rec.event(`no wrapper PDU within ${timeoutMs} ms, only ${all.length} byte(s) that are none`);
        const shown = all.length > JUNK_SHOWN ? `${toHex(all.subarray(0, JUNK_SHOWN))}…` : toHex(all);
        return {
          kind: 'malformed',
          error: new DecodeError('WRAPPER_NOT_A_PDU', 0, 'a wrapper PDU (version 0001)', `${all.length} byte(s) that are no wrapper PDU: ${shown}`),
        };
      }
      this.rec.event(`no answer within ${timeoutMs} ms`);
      return { kind: 'silence', waitedMs: timeoutMs };
    }
    if (a.kind === 'closed') {
      this.rec.event('the meter closed the connection');
      return a;
    }
    this.rec.rx(a.bytes, undefined, OWNED);
    try {
      const pdu = decodeWrapper(a.bytes, 0, APDU_VIEW);
      if (pdu.destination !== this.clientSap || pdu.source !== this.link.serverLogical) {
        return {
          kind: 'malformed',
          error: new DecodeError(
            'WRAPPER_WRONG_WPORT',
            2,
            `source wPort ${this.link.serverLogical}, destination ${this.clientSap}`,
            `source ${pdu.source}, destination ${pdu.destination}`,
          ),
        };
      }
      return { kind: 'apdu', bytes: pdu.apdu };
    } catch (e) {
      if (isDecodeError(e)) return { kind: 'malformed', error: e };
      throw e;
    }
  }

  private hungUp(): ApduArrival {
    this.rec.event('the meter had closed the connection: nothing sent');
    return { kind: 'closed' };
  }

  async close(): Promise<void> {
    // The wrapper has no link-layer disconnect: closing the transport ends the connection.
  }
}
