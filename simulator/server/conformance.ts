/**
 * Conformance as the simulator uses it (Green Book 9.4.6.1): the names a meter definition may
 * offer, the negotiation (proposed ∩ offered), and the bit-string Association LN attribute 5
 * reports. Names and bit positions come from dlms/xdlms/conformance.
 */
import type { Data } from '../../dlms/axdr/data';
import { CONFORMANCE_BITS, conformanceValue, type Conformance, type ConformanceBit } from '../../dlms/xdlms/conformance';

/** Bits a server may offer: every named service, not the reserved positions. */
export const SERVER_CONFORMANCE_NAMES: readonly ConformanceBit[] = CONFORMANCE_BITS.filter((b) => !b.startsWith('reserved-'));

/** Green Book 9.4.6.1: the negotiated block is the intersection of the proposal and the offer. */
export function negotiateConformance(proposed: Conformance, offered: Conformance): Conformance {
  return proposed.filter((b) => offered.includes(b));
}

/** xDLMS_context_info.conformance (Blue Book 4.4.3): bit-string (SIZE(24)), bit 0 first. */
export function conformanceBitString(names: Conformance): Data {
  const v = conformanceValue(names);
  return { type: 'bit-string', length: 24, bytes: Uint8Array.of((v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff) };
}
