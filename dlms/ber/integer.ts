import { ByteWriter, DecodeError } from '../bytes';

/**
 * INTEGER content octets (X.690 8.3): two's complement, big-endian, in the fewest octets. The
 * minimal form is a BER rule, not only a DER one (8.3.2), so a longer form is refused: accepting
 * it would make re-encoding change the bytes. ACSE integers (result, diagnostic, reason,
 * invocation identifiers) are small; six octets (up to 2^47) is the limit here.
 */
const MAX_OCTETS = 6;

export function decodeInteger(content: Uint8Array, offset: number): number {
  if (content.length === 0) throw new DecodeError('BER_BAD_INTEGER', offset, 'at least one content octet (X.690 8.3.1)', 'none');
  if (content.length > MAX_OCTETS) {
    throw new DecodeError('BER_INTEGER_TOO_LARGE', offset, `an INTEGER of at most ${MAX_OCTETS} octets`, `${content.length} octets`);
  }
  const b0 = content[0] as number;
  if (content.length > 1) {
    const b1 = content[1] as number;
    if ((b0 === 0x00 && (b1 & 0x80) === 0) || (b0 === 0xff && (b1 & 0x80) !== 0)) {
      throw new DecodeError('BER_INTEGER_NOT_MINIMAL', offset, "the shortest two's complement form (X.690 8.3.2)", `leading 0x${b0.toString(16)}`);
    }
  }
  let v = b0 >= 0x80 ? b0 - 0x100 : b0;
  for (let i = 1; i < content.length; i++) v = v * 256 + (content[i] as number);
  return v;
}

/** Writes the content octets of `n` in the minimal form. */
export function encodeInteger(w: ByteWriter, n: number): void {
  if (!Number.isSafeInteger(n) || Math.abs(n) >= 2 ** 47) throw new RangeError(`INTEGER out of range: ${n}`);
  const out: number[] = [];
  let v = n;
  for (;;) {
    const byte = ((v % 256) + 256) % 256;
    out.unshift(byte);
    v = (v - byte) / 256;
    // Stop once the remaining value is all sign bits and the last octet already shows that sign.
    if (v === 0 && (byte & 0x80) === 0) break;
    if (v === -1 && (byte & 0x80) !== 0) break;
  }
  for (const b of out) w.u8(b);
}
