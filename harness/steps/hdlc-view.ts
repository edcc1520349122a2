/**
 * What the HDLC frame steps (hdlc.send, hdlc.resend, expect.frame, expect.silence) share: the
 * client's raw frame access, the case's own view of the sequence numbers while it sends frames
 * by hand (the client's link machine does not see raw frames), and the bounds of every wait,
 * taken from the profile.
 */
import type { Profile } from '../profile/types';
import type { HdlcLinkView, RawFrameAccess } from '../../client/api';
import { clientAddress, serverAddress, type HdlcAddress } from '../../dlms/hdlc/address';
import type { HdlcSettings } from '../../dlms/hdlc/parameters';
import { HarnessFault } from '../engine/verdict';
import type { StepContext } from './context';

/** The case's bookkeeping of the link it drives by hand. */
export interface RawView {
  /** N(S) of the next I frame the case sends. */
  vs: number;
  /** N(R) it sends: the next N(S) expected from the DUT. */
  vr: number;
  /** What the last SNRM the case sent proposed (client's side), for judging the UA. */
  proposal: HdlcSettings | undefined;
}

const views = new WeakMap<StepContext, RawView>();

/** The client's raw access, or a harness fault when the client has none (wrapper framing). */
export function rawAccess(ctx: StepContext): RawFrameAccess {
  if (ctx.profile.transport.framing !== 'hdlc')
    throw new HarnessFault('HDLC frame steps need an HDLC profile (add requires: { framing: hdlc })', 'harness', 'STEP_NEEDS_HDLC');
  const raw = ctx.client.raw;
  if (!raw) throw new HarnessFault('this client gives no frame-level access', 'harness', 'STEP_NO_RAW_ACCESS');
  return raw;
}

/** The view for this case, started from the client's link machine the first time. */
export function rawView(ctx: StepContext, link: HdlcLinkView | undefined): RawView {
  let v = views.get(ctx);
  if (!v) {
    v = { vs: link?.vs ?? 0, vr: link?.vr ?? 0, proposal: undefined };
    views.set(ctx, v);
  }
  return v;
}

/** The addresses the profile gives: the client's for `sap`, the server's in the profile's size. */
export function profileAddresses(ctx: StepContext, sap: number): { client: HdlcAddress; server: HdlcAddress } {
  const h = ctx.profile.hdlc;
  const server = h.addressSize === 1 ? serverAddress(h.serverLogical) : serverAddress(h.serverLogical, h.serverPhysical ?? 0, h.addressSize);
  return { client: clientAddress(sap), server };
}

/** Wait bounds from the profile. `inter-frame` and `inactivity` add 10 % (DLMS UA 1001-3 waits the timeout plus 10 %). */
export type WaitBound = 'response' | 'inter-frame' | 'inactivity';

export function boundMs(ctx: StepContext, bound: WaitBound): number {
  return profileBoundMs(ctx.profile, bound);
}

export function profileBoundMs(profile: Profile, bound: WaitBound): number {
  const t = profile.timeouts;
  switch (bound) {
    case 'response':
      return t.responseMs;
    case 'inter-frame':
      return Math.ceil(t.interFrameMs * 1.1);
    case 'inactivity':
      return Math.ceil(t.inactivityMs * 1.1);
    default: {
      const never: never = bound;
      throw new Error(`unknown bound ${String(never)}`);
    }
  }
}

export const BOUND_SCHEMA = {
  type: 'string',
  enum: ['response', 'inter-frame', 'inactivity'],
  description: 'a bound from the profile: its response timeout, or its inter-frame or inactivity timeout plus 10 %',
} as const;
