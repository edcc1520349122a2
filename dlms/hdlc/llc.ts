/**
 * The LLC sub-layer header that precedes every APDU carried in HDLC I and UI frames
 * (IEC 62056-46 / Green Book 8.3, after ISO/IEC 8802-2):
 *   destination LSAP E6, source LSAP E6 (command, client to server) or E7 (response),
 *   LLC quality 00 (reserved, always zero).
 * It is added before segmentation, so only the first segment of an APDU carries it.
 */
import { DecodeError } from '../bytes/decode-error';
import { toHex } from '../bytes/hex';

/** Green Book 8.3: the LSAP of the DLMS/COSEM application layer. */
export const LLC_LSAP = 0xe6;
/** The source LSAP's low bit marks a response (Green Book 8.3). */
export const LLC_RESPONSE_BIT = 0x01;
/** Green Book 8.3: LLC_Quality is reserved and shall be zero. */
export const LLC_QUALITY = 0x00;
export const LLC_HEADER_LENGTH = 3;

export type LlcKind = 'request' | 'response';

export const LLC_HEADER: Readonly<Record<LlcKind, Uint8Array>> = {
  request: Uint8Array.of(LLC_LSAP, LLC_LSAP, LLC_QUALITY),
  response: Uint8Array.of(LLC_LSAP, LLC_LSAP | LLC_RESPONSE_BIT, LLC_QUALITY),
};

export function addLlc(kind: LlcKind, apdu: Uint8Array): Uint8Array {
  const out = new Uint8Array(LLC_HEADER_LENGTH + apdu.length);
  out.set(LLC_HEADER[kind]);
  out.set(apdu, LLC_HEADER_LENGTH);
  return out;
}

export interface LlcPayload {
  readonly kind: LlcKind;
  readonly apdu: Uint8Array;
}

/**
 * Checks and removes the LLC header. `expect` names the kind the caller must receive (a client
 * expects responses); a header of the other kind fails with LLC_WRONG_DIRECTION.
 */
export function stripLlc(bytes: Uint8Array, expect?: LlcKind, base = 0): LlcPayload {
  if (bytes.length < LLC_HEADER_LENGTH) {
    throw new DecodeError('LLC_TRUNCATED', base, `an LLC header of ${LLC_HEADER_LENGTH} bytes`, `${bytes.length} byte(s): ${toHex(bytes)}`);
  }
  const [dsap, ssap, quality] = bytes as unknown as readonly [number, number, number];
  if (dsap !== LLC_LSAP) throw new DecodeError('LLC_BAD_DESTINATION_LSAP', base, 'destination LSAP E6', hex(dsap));
  if ((ssap & ~LLC_RESPONSE_BIT) !== LLC_LSAP) throw new DecodeError('LLC_BAD_SOURCE_LSAP', base + 1, 'source LSAP E6 or E7', hex(ssap));
  if (quality !== LLC_QUALITY) throw new DecodeError('LLC_BAD_QUALITY', base + 2, 'LLC quality 00', hex(quality));
  const kind: LlcKind = ssap & LLC_RESPONSE_BIT ? 'response' : 'request';
  if (expect !== undefined && kind !== expect) {
    throw new DecodeError('LLC_WRONG_DIRECTION', base + 1, `source LSAP ${hex(LLC_HEADER[expect][1] as number)} (${expect})`, `${hex(ssap)} (${kind})`);
  }
  return { kind, apdu: bytes.subarray(LLC_HEADER_LENGTH) };
}

function hex(b: number): string {
  return b.toString(16).toUpperCase().padStart(2, '0');
}
