/**
 * The HDLC frame check sequences (IEC 62056-46 / Green Book 8.4.3.7 and 8.4.3.8): both the
 * header check sequence (HCS) and the frame check sequence (FCS) are the 16-bit FCS of
 * RFC 1662 appendix C (CRC-16/X.25: polynomial x^16 + x^12 + x^5 + 1, reflected, initial value
 * 0xFFFF, final complement). They go on the wire least significant byte first.
 */

/** RFC 1662 C.2: the reflected polynomial 0x1021. */
const POLY_REFLECTED = 0x8408;
const INIT = 0xffff;
/**
 * RFC 1662 C.2 "good final FCS value": running the FCS over data plus its own two FCS bytes
 * leaves this residue, which is how a receiver checks a frame without splitting it.
 */
export const FCS_GOOD = 0xf0b8;

const TABLE: Uint16Array = (() => {
  const t = new Uint16Array(256);
  for (let b = 0; b < 256; b++) {
    let v = b;
    for (let i = 0; i < 8; i++) v = v & 1 ? (v >>> 1) ^ POLY_REFLECTED : v >>> 1;
    t[b] = v;
  }
  return t;
})();

/** The running (uncomplemented) register after `bytes[start, end)`, starting from `fcs`. */
function update(fcs: number, bytes: Uint8Array, start: number, end: number): number {
  let v = fcs;
  for (let i = start; i < end; i++) v = (v >>> 8) ^ (TABLE[(v ^ (bytes[i] as number)) & 0xff] as number);
  return v;
}

/** The FCS-16 of `bytes[start, end)` as the value to transmit (already complemented). */
export function fcs16(bytes: Uint8Array, start = 0, end = bytes.length): number {
  return ~update(INIT, bytes, start, end) & 0xffff;
}

/** The two bytes to append after `bytes[start, end)`: low byte first (RFC 1662 C.2). */
export function fcs16Bytes(bytes: Uint8Array, start = 0, end = bytes.length): Uint8Array {
  const v = fcs16(bytes, start, end);
  return Uint8Array.of(v & 0xff, v >>> 8);
}

/** Reads a transmitted check sequence (low byte first) at `at`. */
export function readCheck(bytes: Uint8Array, at: number): number {
  return ((bytes[at] as number) | ((bytes[at + 1] as number) << 8)) & 0xffff;
}

/**
 * True when `bytes[start, end)` ends in its own correct FCS: the data covered is
 * `[start, end - 2)` and the last two bytes are its check sequence.
 */
export function fcs16Valid(bytes: Uint8Array, start = 0, end = bytes.length): boolean {
  if (end - start < 2) return false;
  return update(INIT, bytes, start, end) === FCS_GOOD;
}
