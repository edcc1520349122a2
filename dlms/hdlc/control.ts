/**
 * The HDLC control field (IEC 62056-46 / Green Book 8.4.3.4, table "Control field format"):
 * which frame types exist, the bits that identify each, and where the poll/final bit and the
 * sequence numbers sit. The table is data; decoding reads it through a 256-entry lookup built
 * from it, so a control byte maps to exactly one type or to none.
 */

export const FRAME_TYPES = ['I', 'RR', 'RNR', 'SNRM', 'DISC', 'UA', 'DM', 'FRMR', 'UI'] as const;
export type HdlcFrameType = (typeof FRAME_TYPES)[number];

/** Bit 4 is P in commands and F in responses (Green Book 8.4.3.4). */
export const PF_BIT = 0x10;
/** N(S) and N(R) are 3-bit counters: sequence numbers count modulo 8 (Green Book 8.4.3.4). */
export const SEQUENCE_MODULUS = 8;

export interface ControlCode {
  /** The value of the identifying bits. */
  readonly code: number;
  /** Which bits identify the type; the others hold P/F and sequence numbers. */
  readonly mask: number;
  /** Carries N(S) in bits 1-3 (I frames only). */
  readonly ns: boolean;
  /** Carries N(R) in bits 5-7 (I, RR, RNR). */
  readonly nr: boolean;
  /** May carry an information field (Green Book 8.4.3.4 to 8.4.3.x per frame type). */
  readonly info: boolean;
  /** May set the segmentation bit S of the frame format field (Green Book 8.4.3.2). */
  readonly segmentable: boolean;
  /** A command the primary (client) station sends, or a response the secondary sends. */
  readonly role: 'command' | 'response' | 'both';
}

/** Green Book 8.4.3.4. The masks exclude P/F (0x10) and the sequence-number bits. */
export const CONTROL: Readonly<Record<HdlcFrameType, ControlCode>> = {
  /** Information: N(R) P N(S) 0. */
  I: { code: 0x00, mask: 0x01, ns: true, nr: true, info: true, segmentable: true, role: 'both' },
  /** Receive ready: N(R) P/F 0 0 0 1. */
  RR: { code: 0x01, mask: 0x0f, ns: false, nr: true, info: false, segmentable: false, role: 'both' },
  /** Receive not ready: N(R) P/F 0 1 0 1. */
  RNR: { code: 0x05, mask: 0x0f, ns: false, nr: true, info: false, segmentable: false, role: 'both' },
  /** Set normal response mode: 1 0 0 P 0 0 1 1 (0x93 with P); carries the negotiation parameters. */
  SNRM: { code: 0x83, mask: 0xef, ns: false, nr: false, info: true, segmentable: false, role: 'command' },
  /** Disconnect: 0 1 0 P 0 0 1 1 (0x53 with P). */
  DISC: { code: 0x43, mask: 0xef, ns: false, nr: false, info: false, segmentable: false, role: 'command' },
  /** Unnumbered acknowledge: 0 1 1 F 0 0 1 1 (0x73 with F); answers SNRM with parameters. */
  UA: { code: 0x63, mask: 0xef, ns: false, nr: false, info: true, segmentable: false, role: 'response' },
  /** Disconnected mode: 0 0 0 F 1 1 1 1 (0x1F with F). */
  DM: { code: 0x0f, mask: 0xef, ns: false, nr: false, info: false, segmentable: false, role: 'response' },
  /** Frame reject: 1 0 0 F 0 1 1 1 (0x97 with F); the information field says what was rejected. */
  FRMR: { code: 0x87, mask: 0xef, ns: false, nr: false, info: true, segmentable: false, role: 'response' },
  /** Unnumbered information: 0 0 0 P/F 0 0 1 1 (0x13 with P/F). */
  UI: { code: 0x03, mask: 0xef, ns: false, nr: false, info: true, segmentable: true, role: 'both' },
};

/** Every control byte value → its frame type, or undefined (REJ, SREJ and others DLMS does not use). */
const BY_BYTE: readonly (HdlcFrameType | undefined)[] = Array.from({ length: 256 }, (_, byte) =>
  FRAME_TYPES.find((t) => (byte & CONTROL[t].mask) === CONTROL[t].code),
);

export function frameTypeOfControl(byte: number): HdlcFrameType | undefined {
  return BY_BYTE[byte & 0xff];
}

export interface ControlFields {
  readonly type: HdlcFrameType;
  readonly pf: boolean;
  /** 0..7 where the type carries N(S), else 0. */
  readonly ns: number;
  /** 0..7 where the type carries N(R), else 0. */
  readonly nr: number;
}

/** The control byte for these fields. Sequence numbers are taken modulo 8. */
export function controlByte(fields: ControlFields): number {
  const c = CONTROL[fields.type];
  let b = c.code | (fields.pf ? PF_BIT : 0);
  if (c.ns) b |= (fields.ns & 7) << 1;
  if (c.nr) b |= (fields.nr & 7) << 5;
  return b;
}

/** Splits a control byte; undefined for a byte that names no DLMS frame type. */
export function parseControl(byte: number): ControlFields | undefined {
  const type = frameTypeOfControl(byte);
  if (type === undefined) return undefined;
  const c = CONTROL[type];
  return {
    type,
    pf: (byte & PF_BIT) !== 0,
    ns: c.ns ? (byte >>> 1) & 7 : 0,
    nr: c.nr ? (byte >>> 5) & 7 : 0,
  };
}
