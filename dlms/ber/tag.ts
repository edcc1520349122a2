import { ByteReader, ByteWriter, DecodeError } from '../bytes';

/**
 * BER identifier octets (X.690 8.1.2): class, primitive/constructed, tag number. ACSE (the
 * AARQ/AARE/RLRQ/RLRE of Green Book 9.3 / IEC 8650) is the only BER in DLMS; everything else is
 * A-XDR. Tags are kept structured so a decoder can say which field a byte belongs to.
 */
export type TagClass = 'universal' | 'application' | 'context' | 'private';

export interface BerTag {
  readonly cls: TagClass;
  readonly constructed: boolean;
  readonly number: number;
}

/** X.690 8.1.2.2: the two high bits of the first identifier octet. */
const CLASS_BITS: Readonly<Record<TagClass, number>> = { universal: 0x00, application: 0x40, context: 0x80, private: 0xc0 };
const CLASS_BY_BITS: readonly TagClass[] = ['universal', 'application', 'context', 'private'];

/** X.680 8.4 universal tag numbers used by ACSE. */
export const UNIVERSAL = {
  boolean: 1,
  integer: 2,
  'bit-string': 3,
  'octet-string': 4,
  null: 5,
  'object-identifier': 6,
  'graphic-string': 25,
} as const;

/** A tag number above this needs more than four base-128 octets: no DLMS PDU uses one. */
const MAX_TAG_NUMBER = 0x0fffffff;

export function tag(cls: TagClass, constructed: boolean, number: number): BerTag {
  return { cls, constructed, number };
}

export function tagsEqual(a: BerTag, b: BerTag): boolean {
  return a.cls === b.cls && a.constructed === b.constructed && a.number === b.number;
}

/** `[APPLICATION 0] constructed`, `[UNIVERSAL 6]`: the notation of X.680, for error messages and traces. */
export function formatTag(t: BerTag): string {
  const cls = t.cls === 'context' ? '' : `${t.cls.toUpperCase()} `;
  return `[${cls}${t.number}]${t.constructed ? ' constructed' : ''}`;
}

/**
 * Reads identifier octets. The high-tag-number form (X.690 8.1.2.4) is accepted for numbers of
 * 31 and above only, without a leading 0x80 octet: anything else has a shorter encoding, and a
 * decoder that accepted it could not re-encode the same bytes.
 */
export function readTag(r: ByteReader): BerTag {
  const start = r.offset;
  const first = r.u8('BER identifier');
  const cls = CLASS_BY_BITS[first >> 6] as TagClass;
  const constructed = (first & 0x20) !== 0;
  const low = first & 0x1f;
  if (low !== 0x1f) return { cls, constructed, number: low };
  let number = 0;
  for (let octets = 0; ; octets++) {
    const b = r.u8('BER tag number');
    if (octets === 0 && b === 0x80) {
      throw new DecodeError('BER_BAD_TAG', start, 'a tag number without leading zero octets (X.690 8.1.2.4.2)', 'a leading 0x80 octet');
    }
    number = number * 128 + (b & 0x7f);
    if (number > MAX_TAG_NUMBER) {
      throw new DecodeError('BER_BAD_TAG', start, `a tag number of at most ${MAX_TAG_NUMBER}`, 'a longer tag number');
    }
    if ((b & 0x80) === 0) break;
  }
  if (number < 0x1f) {
    throw new DecodeError('BER_BAD_TAG', start, `the one-octet form for tag number ${number} (X.690 8.1.2.3)`, 'the high-tag-number form');
  }
  return { cls, constructed, number };
}

export function writeTag(w: ByteWriter, t: BerTag): void {
  const lead = CLASS_BITS[t.cls] | (t.constructed ? 0x20 : 0);
  if (t.number < 0x1f) {
    w.u8(lead | t.number);
    return;
  }
  if (!Number.isInteger(t.number) || t.number > MAX_TAG_NUMBER) throw new RangeError(`BER tag number out of range: ${t.number}`);
  w.u8(lead | 0x1f);
  const groups: number[] = [];
  for (let v = t.number; v > 0; v = Math.floor(v / 128)) groups.unshift(v & 0x7f);
  groups.forEach((g, i) => w.u8(i < groups.length - 1 ? g | 0x80 : g));
}
