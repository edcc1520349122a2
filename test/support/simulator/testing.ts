/**
 * Shared fixtures for the simulator's own tests: the default meter, a ServeContext in a chosen
 * association, request builders, and a minimal HDLC client to drive the sans-IO server. Not
 * used by the simulator itself.
 */
import { loadMeterDefinition } from '../../../simulator/meter/load';
import type { MeterDefinition } from '../../../simulator/meter/definition';
import { objectListFor } from '../../../simulator/objects/store';
import type { ObjectListEntry, ServeContext } from '../../../simulator/objects/types';
import { APPLICATION_CONTEXT_NAME, MECHANISM_NAME } from '../../../dlms/acse/names';
import { decodePduBytes, encodePduBytes, type Pdu } from '../../../dlms/pdu/pdu';
import { userInformationFor } from '../../../dlms/acse/user-information';
import { bitStringOf } from '../../../dlms/ber';
import { parseObis } from '../../../dlms/cosem/obis';
import { clientAddress, serverAddress } from '../../../dlms/hdlc/address';
import { decodeFrame, encodeFrame, type HdlcFrame } from '../../../dlms/hdlc/frame';
import { addLlc, stripLlc } from '../../../dlms/hdlc/llc';
import type { Conformance } from '../../../dlms/xdlms/conformance';
import type { ServerConnection } from '../../../simulator/server/connection';

export const DEFAULT: MeterDefinition = loadMeterDefinition();

/** 2026-11-24 18:10:27.00 UTC, the moment c_hdlc_none.trace was captured. */
export const T0 = Date.UTC(2026, 10, 24, 18, 10, 27);

export function contextFor(
  associationName: string,
  opts: { now?: number; meter?: MeterDefinition; transformObjectList?: (e: readonly ObjectListEntry[]) => readonly ObjectListEntry[] } = {},
): ServeContext {
  const meter = opts.meter ?? DEFAULT;
  const definition = meter.associations.find((a) => a.name === associationName);
  if (!definition) throw new Error(`no association ${associationName}`);
  const transform = opts.transformObjectList ?? ((e) => e);
  return {
    now: opts.now ?? T0,
    startedAt: T0,
    meter,
    association: { definition, conformance: definition.conformance, clientMaxReceivePduSize: 1024, dlmsVersion: 6 },
    objectList: () => transform(objectListFor(meter.objects, definition)),
  };
}

// ---- request builders and a minimal HDLC client, for driving the sans-IO server ----

export interface AarqOptions {
  readonly password?: string;
  readonly mechanism?: string;
  readonly context?: string;
  readonly conformance?: Conformance;
  readonly maxPdu?: number;
  readonly dlmsVersion?: number;
}

/** An AARQ as a DLMS client sends it: LN context, optional LLS, an InitiateRequest. */
export function aarqBytes(o: AarqOptions = {}): Uint8Array {
  const mechanism = o.mechanism ?? (o.password === undefined ? undefined : MECHANISM_NAME.low);
  return encodePduBytes({
    type: 'aarq',
    applicationContextName: o.context ?? APPLICATION_CONTEXT_NAME['logical-name'],
    ...(mechanism !== undefined && { senderAcseRequirements: bitStringOf(1, [0]), mechanismName: mechanism }),
    ...(o.password !== undefined && { callingAuthenticationValue: { kind: 'charstring', value: new TextEncoder().encode(o.password) } }),
    userInformation: userInformationFor({
      type: 'initiate-request',
      proposedDlmsVersionNumber: o.dlmsVersion ?? 6,
      proposedConformance: o.conformance ?? ['block-transfer-with-get-or-read', 'get', 'set', 'selective-access', 'action'],
      clientMaxReceivePduSize: o.maxPdu ?? 0xffff,
    }),
  });
}

export function getBytes(classId: number, obis: string, attributeId: number, invokeId = 1): Uint8Array {
  return encodePduBytes({
    type: 'get-request',
    variant: 'normal',
    invokeIdAndPriority: { invokeId, serviceClass: 'confirmed', priority: 'high' },
    attribute: { classId, instanceId: parseObis(obis), attributeId },
  });
}

export function getNextBytes(blockNumber: number, invokeId = 1): Uint8Array {
  return encodePduBytes({ type: 'get-request', variant: 'next', invokeIdAndPriority: { invokeId, serviceClass: 'confirmed', priority: 'high' }, blockNumber });
}

export const RLRQ: Uint8Array = encodePduBytes({ type: 'rlrq', reason: 'normal' });

export function pdu(bytes: Uint8Array | undefined): Pdu {
  if (!bytes) throw new Error('expected a response APDU, got none');
  return decodePduBytes(bytes);
}

/** Client SAP 16 talking to server logical 1 (one-byte address), as c_hdlc_none.trace does. */
export const CLIENT = clientAddress(16);
export const SERVER = serverAddress(1);

/**
 * A minimal HDLC client over a ServerConnection: sends I-frames with correct sequence numbers,
 * polls with RR until a response's last segment arrives, and returns the APDU.
 */
export class HdlcTestClient {
  private vs = 0;
  private vr = 0;
  readonly frames: HdlcFrame[] = [];

  constructor(
    private readonly conn: ServerConnection,
    private readonly now: () => number = () => T0,
    readonly client = CLIENT,
    readonly server = SERVER,
  ) {}

  send(frame: Record<string, unknown> & { type: HdlcFrame['type'] }): HdlcFrame[] {
    const bytes = encodeFrame({ destination: this.server, source: this.client, pf: true, ...frame } as HdlcFrame);
    const out = this.conn.receive(bytes, this.now()).map((b) => decodeFrame(b));
    this.frames.push(...out);
    return out;
  }

  connect(): HdlcFrame {
    this.vs = 0;
    this.vr = 0;
    const [ua] = this.send({ type: 'SNRM', info: new Uint8Array(0) });
    if (ua?.type !== 'UA') throw new Error(`expected UA, got ${ua?.type}`);
    return ua;
  }

  /** One APDU out, the response APDU back (undefined when the server only acknowledged). */
  request(apdu: Uint8Array): Uint8Array | undefined {
    let out = this.send({ type: 'I', ns: this.vs, nr: this.vr, segmented: false, info: addLlc('request', apdu) });
    this.vs = (this.vs + 1) % 8;
    const parts: Uint8Array[] = [];
    for (let polls = 0; polls < 1000; polls++) {
      const frame = out[out.length - 1];
      if (!frame || frame.type !== 'I') return undefined;
      this.vr = (frame.ns + 1) % 8;
      parts.push(frame.info);
      if (!frame.segmented) {
        const whole = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const p of parts) {
          whole.set(p, at);
          at += p.length;
        }
        return stripLlc(whole, 'response').apdu;
      }
      out = this.send({ type: 'RR', nr: this.vr });
    }
    throw new Error('no last segment after 1000 polls');
  }
}
