import { ByteWriter, isDecodeError } from '../bytes';
import { readExplicit, tag, UNIVERSAL, writeElement } from '../ber';
import { decodeApduBytes, encodeApduBytes, type Apdu } from '../xdlms/apdu';
import { failureOf, type DecodeFailure, type FieldCodec } from './fields';

/**
 * user-information [30] EXPLICIT Association-information (an OCTET STRING in the DLMS profile,
 * Green Book 9.3): the A-XDR encoded xDLMS APDU, an InitiateRequest/-Response, a
 * ConfirmedServiceError, or their glo-/ded- ciphered forms. `raw` is what re-encoding writes;
 * `apdu` is its decoding, or `error` says exactly why it has none, so an AARE whose initiate
 * response is malformed still yields its result and diagnostic.
 */
export interface UserInformation {
  readonly raw: Uint8Array;
  readonly apdu?: Apdu;
  readonly error?: DecodeFailure;
}

const OCTET_STRING = tag('universal', false, UNIVERSAL['octet-string']);

/** Decodes `raw` (its first byte at absolute offset `base`) into a UserInformation. */
export function userInformationOf(raw: Uint8Array, base = 0): UserInformation {
  try {
    return { raw, apdu: decodeApduBytes(raw, base) };
  } catch (e) {
    if (isDecodeError(e)) return { raw, error: failureOf(e) };
    throw e;
  }
}

/** The user-information carrying `apdu`. */
export function userInformationFor(apdu: Apdu): UserInformation {
  return { raw: encodeApduBytes(apdu), apdu };
}

export const userInformation: FieldCodec<UserInformation> = {
  constructed: true,
  decode: (el) => {
    const inner = readExplicit(el, OCTET_STRING, 'Association-information OCTET STRING');
    return userInformationOf(inner.value.slice(), inner.valueOffset);
  },
  encode: (w: ByteWriter, v) => writeElement(w, OCTET_STRING, (c) => c.bytes(v.raw)),
};
