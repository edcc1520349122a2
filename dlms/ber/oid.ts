import { ByteWriter, DecodeError } from '../bytes';

/**
 * OBJECT IDENTIFIER content octets (X.690 8.19), as the dotted string ('2.16.756.5.8.1.1'). ACSE
 * uses them for the application-context-name and the mechanism-name (Green Book 9.4.2.2).
 * Arcs are kept below 2^53 so a number holds them exactly.
 */
const OID_TEXT = /^[0-2](\.(0|[1-9][0-9]*))+$/;

/** Decodes the content octets; `offset` is the absolute offset of the first one, for errors. */
export function decodeOid(content: Uint8Array, offset: number): string {
  if (content.length === 0) throw new DecodeError('BER_BAD_OID', offset, 'at least one subidentifier (X.690 8.19.2)', 'no content');
  const arcs: number[] = [];
  let value = 0;
  let start = 0;
  for (let i = 0; i < content.length; i++) {
    const b = content[i] as number;
    if (i === start && b === 0x80) {
      throw new DecodeError('BER_BAD_OID', offset + i, 'a subidentifier without leading 0x80 (X.690 8.19.2)', '0x80');
    }
    value = value * 128 + (b & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER) throw new DecodeError('BER_BAD_OID', offset + start, 'a subidentifier below 2^53', 'a larger one');
    if ((b & 0x80) === 0) {
      if (arcs.length === 0) {
        // X.690 8.19.4: the first subidentifier packs the first two arcs as X*40+Y.
        const first = value < 40 ? 0 : value < 80 ? 1 : 2;
        arcs.push(first, value - first * 40);
      } else {
        arcs.push(value);
      }
      value = 0;
      start = i + 1;
    }
  }
  if (start !== content.length) {
    throw new DecodeError('BER_BAD_OID', offset + content.length, 'a final subidentifier octet (bit 8 clear)', 'end of content');
  }
  return arcs.join('.');
}

export function isOid(text: string): boolean {
  if (!OID_TEXT.test(text)) return false;
  const arcs = text.split('.').map(Number);
  return arcs.every((a) => Number.isSafeInteger(a)) && ((arcs[0] as number) === 2 || (arcs[1] as number) < 40);
}

/** Writes the content octets (no tag, no length). */
export function encodeOid(w: ByteWriter, oid: string): void {
  if (!isOid(oid)) throw new RangeError(`not an OBJECT IDENTIFIER: ${JSON.stringify(oid)}`);
  const arcs = oid.split('.').map(Number);
  const subs = [(arcs[0] as number) * 40 + (arcs[1] as number), ...arcs.slice(2)];
  for (const sub of subs) {
    const groups: number[] = [];
    let v = sub;
    do {
      groups.unshift(v % 128);
      v = Math.floor(v / 128);
    } while (v > 0);
    groups.forEach((g, i) => w.u8(i < groups.length - 1 ? g | 0x80 : g));
  }
}
