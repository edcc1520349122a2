/** A link arrival decoded into a PDU, or the silence/malformed outcome it stands for. */
import { isDecodeError } from '../dlms/bytes/decode-error';
import type { MalformedOutcome, SilenceOutcome } from './api';
import type { ApduArrival } from './link';
import { closedOutcome, malformed } from './outcomes';

export type Answer<T> = { readonly kind: 'pdu'; readonly pdu: T } | SilenceOutcome | MalformedOutcome;

export function decodeArrival<T>(arrival: ApduArrival, decode: (bytes: Uint8Array) => T): Answer<T> {
  switch (arrival.kind) {
    case 'apdu':
      try {
        return { kind: 'pdu', pdu: decode(arrival.bytes) };
      } catch (e) {
        if (isDecodeError(e)) return malformed(e);
        throw e;
      }
    case 'silence':
      return arrival;
    case 'malformed':
      return malformed(arrival.error);
    case 'closed':
      return closedOutcome();
  }
}
