import { ByteReader, ByteWriter } from '../bytes';
import { decodeApdu, isApduTag, encodeApdu, type Apdu } from '../xdlms/apdu';
import { decodeAare, encodeAare, type Aare } from '../acse/aare';
import { decodeAarq, encodeAarq, type Aarq } from '../acse/aarq';
import { decodeRlre, decodeRlrq, encodeRlre, encodeRlrq, type Rlre, type Rlrq } from '../acse/release';

/** The four ACSE APDUs DLMS uses (Green Book 9.3). */
export type AcseApdu = Aarq | Aare | Rlrq | Rlre;

/** Every PDU an application layer sends or receives: ACSE or xDLMS, told apart by the first octet. */
export type Pdu = AcseApdu | Apdu;

/** First octets of the ACSE APDUs: [APPLICATION n] constructed. */
export const ACSE_TAG = { aarq: 0x60, aare: 0x61, rlrq: 0x62, rlre: 0x63 } as const satisfies Record<AcseApdu['type'], number>;

const ACSE_DECODERS: Readonly<Record<number, (r: ByteReader) => AcseApdu>> = {
  [ACSE_TAG.aarq]: decodeAarq,
  [ACSE_TAG.aare]: decodeAare,
  [ACSE_TAG.rlrq]: decodeRlrq,
  [ACSE_TAG.rlre]: decodeRlre,
};

export function isAcse(pdu: Pdu): pdu is AcseApdu {
  return pdu.type === 'aarq' || pdu.type === 'aare' || pdu.type === 'rlrq' || pdu.type === 'rlre';
}

/** Decodes one ACSE APDU at the reader's position. */
export function decodeAcse(r: ByteReader): AcseApdu {
  const decoder = ACSE_DECODERS[r.peekU8('ACSE APDU tag')];
  if (decoder === undefined) {
    return r.fail('ACSE_UNKNOWN_TAG', 'an ACSE APDU tag: 0x60 AARQ, 0x61 AARE, 0x62 RLRQ or 0x63 RLRE', `0x${r.peekU8().toString(16).padStart(2, '0')}`);
  }
  return decoder(r);
}

export function encodeAcse(w: ByteWriter, v: AcseApdu): void {
  switch (v.type) {
    case 'aarq':
      return encodeAarq(w, v);
    case 'aare':
      return encodeAare(w, v);
    case 'rlrq':
      return encodeRlrq(w, v);
    case 'rlre':
      return encodeRlre(w, v);
    default: {
      const never: never = v;
      return never;
    }
  }
}

/** Decodes exactly one ACSE APDU filling `bytes`; anything after it is TRAILING_BYTES. */
export function decodeAcseBytes(bytes: Uint8Array, base = 0): AcseApdu {
  const r = new ByteReader(bytes, base);
  const v = decodeAcse(r);
  r.expectEnd(v.type.toUpperCase());
  return v;
}

export function encodeAcseBytes(v: AcseApdu): Uint8Array {
  const w = new ByteWriter();
  encodeAcse(w, v);
  return w.finish();
}

/** Decodes one PDU, ACSE or xDLMS, at the reader's position. */
export function decodePdu(r: ByteReader): Pdu {
  const first = r.peekU8('PDU tag');
  if (first in ACSE_DECODERS) return decodeAcse(r);
  if (isApduTag(first)) return decodeApdu(r);
  return r.fail('PDU_UNKNOWN_TAG', 'an ACSE or xDLMS APDU tag (Green Book 9.3, 9.5)', `0x${first.toString(16).padStart(2, '0')}`);
}

/**
 * Decodes exactly one PDU filling `bytes` (the LLC or wrapper payload). Bytes after a complete
 * PDU are TRAILING_BYTES at the offset of the first extra byte, `base` added.
 */
export function decodePduBytes(bytes: Uint8Array, base = 0): Pdu {
  const r = new ByteReader(bytes, base);
  const pdu = decodePdu(r);
  r.expectEnd(pdu.type === 'ciphered' ? pdu.tag : pdu.type);
  return pdu;
}

export function encodePdu(w: ByteWriter, pdu: Pdu): void {
  if (isAcse(pdu)) encodeAcse(w, pdu);
  else encodeApdu(w, pdu);
}

export function encodePduBytes(pdu: Pdu): Uint8Array {
  const w = new ByteWriter();
  encodePdu(w, pdu);
  return w.finish();
}
