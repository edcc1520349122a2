/** Outcomes for answers the client did not ask for: an exception, a service error, a wrong APDU. */
import { DecodeError } from '../dlms/bytes/decode-error';
import type { Apdu } from '../dlms/xdlms/apdu';
import type { Pdu } from '../dlms/pdu/pdu';
import { nameText } from '../dlms/xdlms/named';
import type { ConfirmedServiceErrorOutcome, ExceptionOutcome, MalformedOutcome } from './api';

export function malformed(e: DecodeError): MalformedOutcome {
  return { kind: 'malformed', code: e.code, offset: e.offset, expected: e.expected, actual: e.actual };
}

/**
 * The code of the outcome "the meter closed the connection": DUT behaviour (over TCP a meter may
 * hang up after RLRE or DISC), reported in those words, never as a malformed answer.
 */
export const LINK_CLOSED = 'LINK_CLOSED';

export function closedOutcome(expected = 'an answer'): MalformedOutcome {
  return malformed(new DecodeError(LINK_CLOSED, 0, expected, 'the meter closed the connection'));
}

export function isClosedOutcome(o: { readonly kind: string; readonly code?: string }): boolean {
  return o.kind === 'malformed' && o.code === LINK_CLOSED;
}

/** An answer of another type than `expected`: exception-response and confirmed-service-error are outcomes in their own right. */
export function otherAnswer(apdu: Apdu, expected: string): ExceptionOutcome | ConfirmedServiceErrorOutcome | MalformedOutcome {
  if (apdu.type === 'exception-response') {
    return { kind: 'exception', stateError: nameText(apdu.stateError), serviceError: apdu.serviceError.kind };
  }
  if (apdu.type === 'confirmed-service-error') {
    return { kind: 'confirmed-service-error', service: nameText(apdu.service), error: nameText(apdu.error.kind), value: nameText(apdu.error.value) };
  }
  return malformed(new DecodeError('XDLMS_UNEXPECTED_APDU', 0, expected, apdu.type));
}

/**
 * What an answer to an RLRQ other than an RLRE is: an exception-response or confirmed-service-error
 * refuses the release (an outcome the case judges); anything else is not an answer to an RLRQ.
 */
export function notRlre(apdu: Pdu): ExceptionOutcome | ConfirmedServiceErrorOutcome | MalformedOutcome {
  if (apdu.type === 'exception-response' || apdu.type === 'confirmed-service-error') return otherAnswer(apdu, 'RLRE in answer to RLRQ');
  return malformed(new DecodeError('ACSE_UNEXPECTED_APDU', 0, 'RLRE in answer to RLRQ', apdu.type));
}
