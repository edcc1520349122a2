/**
 * The interception points of the simulator's HDLC link (simulator/server/hdlc-link.ts) that
 * HDLC faults use. The link machine (dlms/hdlc/link.ts) stays correct; a fault changes what
 * reaches it (a frame the correct framer or decoder would drop, a field rewritten), what leaves
 * it (a frame dropped or rewritten), or the settings it works with after it told the client
 * others in its UA. Each hook receives what the correct server would do.
 */
import type { HdlcFrame } from '../../dlms/hdlc/frame';
import type { LinkState } from '../../dlms/hdlc/link';
import type { HdlcSettings } from '../../dlms/hdlc/parameters';

export interface HdlcFaultHooks {
  /** No inter-octet timeout (Green Book 8.4.3.1): an unfinished frame waits for its end forever. */
  readonly noInterFrameTimeout?: boolean;
  /** No inactivity timeout (Blue Book 4.7.2): the link stays in NRM however long the client is silent. */
  readonly noInactivityTimeout?: boolean;
  /** Frames with a wrong format type, a wrong length or no check sequence are read for their addresses and control byte. */
  readonly lenientFormat?: boolean;
  /** An address field of 3 or 5 bytes is read as the server's own. */
  readonly lenientAddressLength?: boolean;
  /** A control byte no DLMS frame type has is taken as this type. */
  readonly unknownControlAs?: 'DISC';
  /** Frames for any server address are taken as its own. */
  readonly acceptAnyDestination?: boolean;
  /** Its address is taken in any size, 4-byte included. */
  readonly acceptAnyAddressSize?: boolean;
  /** An I frame whose N(S) is not the expected one is answered with FRMR (no information field) instead of being discarded. */
  readonly rejectWrongNs?: boolean;
  /** A frame the link would reject with FRMR (information too long, invalid N(R)) is discarded instead. */
  readonly discardInsteadOfFrmr?: boolean;
  /** The one-byte form of the server address is not taken: only the two- or four-byte form. */
  readonly noOneByteAddress?: boolean;
  /** After a frame too short to hold an FCS, the next frame is discarded too, valid or not. */
  readonly swallowAfterShortFrame?: boolean;
  /** In NDM, an I frame is served (its APDU answered in an I frame) and an RR answered with RR, instead of DM. */
  readonly serveInNdm?: boolean;
  /** Each frame received, before the link machine sees it. */
  readonly onReceive?: (frame: HdlcFrame, link: LinkState) => HdlcFrame;
  /** Each frame the link machine sends; undefined: not sent. */
  readonly onTransmit?: (frame: HdlcFrame, link: LinkState) => HdlcFrame | undefined;
  /** The settings the server works with after its UA, given the ones the UA stated (own point of view). */
  readonly onNegotiated?: (settings: HdlcSettings) => HdlcSettings;
}

/** Every HDLC hook made required, with the correct behaviour as default (a control-byte rewrite stays optional). */
export type ActiveHdlcHooks = {
  readonly [K in keyof HdlcFaultHooks]-?: K extends 'unknownControlAs' ? HdlcFaultHooks[K] | undefined : NonNullable<HdlcFaultHooks[K]>;
};

/** Several HDLC faults together: flags combine, rewrites apply in order. */
export function activeHdlcHooks(all: readonly (HdlcFaultHooks | undefined)[]): ActiveHdlcHooks {
  const hooks = all.filter((h): h is HdlcFaultHooks => h !== undefined);
  const any = (pick: (h: HdlcFaultHooks) => boolean | undefined): boolean => hooks.some((h) => pick(h) === true);
  const receives = hooks.flatMap((h) => (h.onReceive ? [h.onReceive] : []));
  const transmits = hooks.flatMap((h) => (h.onTransmit ? [h.onTransmit] : []));
  const negotiations = hooks.flatMap((h) => (h.onNegotiated ? [h.onNegotiated] : []));
  return {
    noInterFrameTimeout: any((h) => h.noInterFrameTimeout),
    noInactivityTimeout: any((h) => h.noInactivityTimeout),
    lenientFormat: any((h) => h.lenientFormat),
    lenientAddressLength: any((h) => h.lenientAddressLength),
    unknownControlAs: hooks.find((h) => h.unknownControlAs !== undefined)?.unknownControlAs,
    acceptAnyDestination: any((h) => h.acceptAnyDestination),
    acceptAnyAddressSize: any((h) => h.acceptAnyAddressSize),
    rejectWrongNs: any((h) => h.rejectWrongNs),
    discardInsteadOfFrmr: any((h) => h.discardInsteadOfFrmr),
    noOneByteAddress: any((h) => h.noOneByteAddress),
    swallowAfterShortFrame: any((h) => h.swallowAfterShortFrame),
    serveInNdm: any((h) => h.serveInNdm),
    onReceive: (frame, link) => receives.reduce((f, fn) => fn(f, link), frame),
    onTransmit: (frame, link) => transmits.reduce<HdlcFrame | undefined>((f, fn) => (f === undefined ? undefined : fn(f, link)), frame),
    onNegotiated: (settings) => negotiations.reduce((s, fn) => fn(s), settings),
  };
}
