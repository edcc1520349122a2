/**
 * What the current association lets the server do, as every service handler asks it: whether a
 * service is granted by the negotiated conformance block (Green Book 9.4.6.1), and how long an
 * APDU to the client may be (Green Book 9.4.6.2). Faults see both answers last.
 */
import type { ConformanceBit } from '../../dlms/xdlms/conformance';
import type { ActiveHooks } from '../faults/types';
import type { ServeContext } from '../objects/types';

/** The A-XDR client-max-receive-pdu-size is an Unsigned16; 0 means the client sets no limit. */
const UNLIMITED = 0xffff;

export function granted(ctx: ServeContext, hooks: ActiveHooks, service: ConformanceBit): boolean {
  return hooks.serveService(service, ctx.association.conformance.includes(service));
}

/** The largest APDU the server may send in this association. */
export function responseLimit(ctx: ServeContext, hooks: ActiveHooks): number {
  const clientMax = ctx.association.clientMaxReceivePduSize === 0 ? UNLIMITED : ctx.association.clientMaxReceivePduSize;
  return hooks.responsePduLimit(ctx.association.definition.maxPduSize, clientMax);
}
