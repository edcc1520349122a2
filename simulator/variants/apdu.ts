/** Reading and rewriting response APDUs for variants that change what goes out (hooks.onApduOut). */
import { decodePduBytes, encodePduBytes, type Pdu } from '../../dlms/pdu/pdu';
import { isDecodeError } from '../../dlms/bytes';

/** The decoded APDU, or undefined when it is protected or does not decode (left as it is). */
export function pduOf(bytes: Uint8Array): Pdu | undefined {
  try {
    return decodePduBytes(bytes);
  } catch (e) {
    if (isDecodeError(e)) return undefined;
    throw e;
  }
}

/** `bytes` re-encoded after `change` when it decodes to a PDU `change` rewrites (returns one); else unchanged. */
export function rewrite(bytes: Uint8Array, change: (pdu: Pdu) => Pdu | undefined): Uint8Array {
  const pdu = pduOf(bytes);
  const changed = pdu === undefined ? undefined : change(pdu);
  return changed === undefined ? bytes : encodePduBytes(changed);
}
