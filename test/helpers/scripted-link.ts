/**
 * A data link for client unit tests: it records every PDU the client sends and answers each
 * exchange with the next scripted PDU, then with silence. No transport, no timers.
 */
import { decodePduBytes, encodePduBytes, type Pdu } from '../../dlms/pdu/pdu';
import type { Link } from '../../client/link';

export function scriptedLink(answers: Pdu[], sent: Pdu[] = []): Link {
  return {
    open: async () => ({ kind: 'open', note: '' }),
    exchange: async (bytes) => {
      sent.push(decodePduBytes(bytes));
      const next = answers.shift();
      return next ? { kind: 'apdu', bytes: encodePduBytes(next) } : { kind: 'silence', waitedMs: 1 };
    },
    receive: async () => ({ kind: 'silence', waitedMs: 1 }),
    close: async () => undefined,
  };
}
