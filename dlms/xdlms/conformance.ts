import { ByteReader, ByteWriter, DecodeError, toHex } from '../bytes';
import { EncodeError } from '../axdr/encode-error';

/**
 * The conformance block (Green Book 9.4.6.1, Table "Conformance block"): Conformance ::=
 * [APPLICATION 31] IMPLICIT BIT STRING (SIZE(24)), BER-encoded even inside the A-XDR
 * InitiateRequest/Response: 5F 1F 04 00 followed by three octets, bit 0 the MSB of the first.
 * Bit positions checked against the Green Book named-bit list as reproduced in several open
 * implementations (bit 6 was reserved-six before delta-value-encoding was named).
 */
export const CONFORMANCE_BITS = [
  'reserved-zero', // 0
  'general-protection', // 1
  'general-block-transfer', // 2
  'read', // 3
  'write', // 4
  'unconfirmed-write', // 5
  'delta-value-encoding', // 6
  'reserved-seven', // 7
  'attribute0-supported-with-set', // 8
  'priority-mgmt-supported', // 9
  'attribute0-supported-with-get', // 10
  'block-transfer-with-get-or-read', // 11
  'block-transfer-with-set-or-write', // 12
  'block-transfer-with-action', // 13
  'multiple-references', // 14
  'information-report', // 15
  'data-notification', // 16
  'access', // 17
  'parameterized-access', // 18
  'get', // 19
  'set', // 20
  'selective-access', // 21
  'event-notification', // 22
  'action', // 23
] as const;

export type ConformanceBit = (typeof CONFORMANCE_BITS)[number];

/** The services a conformance block grants, in bit order. */
export type Conformance = readonly ConformanceBit[];

/** Identifier octets of [APPLICATION 31] primitive, the high-tag-number form (X.690 8.1.2.4). */
const CONFORMANCE_TAG = [0x5f, 0x1f] as const;
/** Length 4: one unused-bits octet (always 0) and 24 bits. */
const CONFORMANCE_LENGTH = 4;
const BIT_COUNT = 24;

/** The 24-bit value, bit 0 (reserved-zero) the most significant. */
export function conformanceValue(c: Conformance): number {
  let v = 0;
  for (const name of c) {
    const i = CONFORMANCE_BITS.indexOf(name);
    if (i < 0) throw new EncodeError('XDLMS_BAD_CONFORMANCE', 'conformance', 'a conformance bit name', String(name));
    v |= 1 << (BIT_COUNT - 1 - i);
  }
  return v;
}

export function conformanceFromValue(v: number): Conformance {
  return CONFORMANCE_BITS.filter((_, i) => (v >> (BIT_COUNT - 1 - i)) & 1);
}

export function decodeConformance(r: ByteReader): Conformance {
  const at = r.offset;
  const head = r.take(4, 'conformance header');
  if (head[0] !== CONFORMANCE_TAG[0] || head[1] !== CONFORMANCE_TAG[1] || head[2] !== CONFORMANCE_LENGTH || head[3] !== 0) {
    throw new DecodeError('XDLMS_BAD_CONFORMANCE', at, '5F1F0400 (Conformance BIT STRING of 24 bits, Green Book 9.4.6.1)', toHex(head));
  }
  const b = r.take(3, 'conformance bits');
  return conformanceFromValue(((b[0] as number) << 16) | ((b[1] as number) << 8) | (b[2] as number));
}

export function encodeConformance(w: ByteWriter, c: Conformance): void {
  const v = conformanceValue(c);
  w.u8(CONFORMANCE_TAG[0]).u8(CONFORMANCE_TAG[1]).u8(CONFORMANCE_LENGTH).u8(0);
  w.u8(v >> 16)
    .u8(v >> 8)
    .u8(v);
}
