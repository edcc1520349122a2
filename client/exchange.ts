/**
 * One confirmed exchange of the xDLMS services (GET, SET, ACTION), as every service module of
 * the client runs it: encode, send, and take the answer, checked for what the client relies on
 * before it is decoded — that it is no longer than the client-max-receive-pdu-size the client
 * proposed (Green Book 9.4.6.2: the server never sends more) — and with pushed notifications
 * set aside, so that a data-notification arriving ahead of an answer neither breaks the
 * exchange nor gets lost.
 */
import { DecodeError } from '../dlms/bytes/decode-error';
import { decodeApduBytes, encodeApduBytes, type Apdu } from '../dlms/xdlms/apdu';
import type { InvokeIdAndPriority } from '../dlms/xdlms/invoke-id';
import type { ServiceFailure } from './api';
import { decodeArrival, type Answer } from './answer';
import type { ApduArrival, Link } from './link';
import { malformed, otherAnswer } from './outcomes';
import { exchangeGbt, usesGbt } from './general-block-transfer';

/** What the association negotiated, as the services need it (Green Book 9.3.2 / 9.4.6). */
export interface Negotiated {
  /** What the client proposed; 0 = no limit (then 65535, the Unsigned16 maximum). */
  readonly clientMaxReceivePduSize: number;
  /** From the InitiateResponse; what the client may send at most. */
  readonly serverMaxReceivePduSize: number;
  readonly conformance: readonly string[];
}

/** The defaults before any association: no limit proposed, the smallest server size (Green Book 9.4.6.2). */
export const UNNEGOTIATED: Negotiated = { clientMaxReceivePduSize: 0, serverMaxReceivePduSize: 0xffff, conformance: [] };

export interface ServiceContext {
  readonly link: Link;
  readonly negotiated: Negotiated;
  readonly responseTimeoutMs: number;
  /** A data- or event-notification that arrived while an answer was awaited. */
  notified(apdu: Apdu): void;
}

const UNLIMITED = 0xffff;

export function clientLimit(n: Negotiated): number {
  return n.clientMaxReceivePduSize === 0 ? UNLIMITED : n.clientMaxReceivePduSize;
}

export function isNotification(apdu: Apdu): boolean {
  return apdu.type === 'data-notification' || apdu.type === 'event-notification-request';
}

/** An arrival checked against the client's limit and decoded. */
export function decodeChecked(arrival: ApduArrival, n: Negotiated): Answer<Apdu> {
  if (arrival.kind === 'apdu' && arrival.bytes.length > clientLimit(n)) {
    return malformed(
      new DecodeError(
        'XDLMS_PDU_TOO_LONG',
        clientLimit(n),
        `an APDU of at most ${clientLimit(n)} bytes (the client-max-receive-pdu-size proposed, Green Book 9.4.6.2)`,
        `an APDU of ${arrival.bytes.length} bytes`,
      ),
    );
  }
  return decodeArrival(arrival, decodeApduBytes);
}

/** Sends `request` and returns the first answer that is not a notification. */
export async function exchangeApdu(sc: ServiceContext, request: Apdu): Promise<Answer<Apdu>> {
  // With general-block-transfer negotiated, every request and its response go in GBT blocks.
  if (usesGbt(sc)) return exchangeGbt(sc, request);
  const started = performance.now();
  let answer = decodeChecked(await sc.link.exchange(encodeApduBytes(request)), sc.negotiated);
  while (answer.kind === 'pdu' && isNotification(answer.pdu)) {
    sc.notified(answer.pdu);
    const left = Math.max(0, sc.responseTimeoutMs - (performance.now() - started));
    answer = decodeChecked(await sc.link.receive(left), sc.negotiated);
  }
  return answer;
}

/**
 * The answer as the `expected` APDU type with the request's invoke-id echoed (Green Book 9.5
 * Invoke-Id-And-Priority), or the failure outcome it stands for.
 */
export function expectAnswer<T extends Apdu['type']>(
  answer: Answer<Apdu>,
  expected: T,
  invoke: InvokeIdAndPriority,
): Extract<Apdu, { type: T }> | ServiceFailure {
  if (answer.kind !== 'pdu') return answer;
  const apdu = answer.pdu;
  if (apdu.type !== expected) return otherAnswer(apdu, expected);
  const echoed = (apdu as { invokeIdAndPriority?: InvokeIdAndPriority }).invokeIdAndPriority;
  if (echoed && echoed.invokeId !== invoke.invokeId) {
    return malformed(
      new DecodeError(
        'XDLMS_INVOKE_ID_MISMATCH',
        1,
        `invoke-id ${invoke.invokeId} echoed (Green Book 9.5, Invoke-Id-And-Priority)`,
        `invoke-id ${echoed.invokeId}`,
      ),
    );
  }
  return apdu as Extract<Apdu, { type: T }>;
}

/** True when `x` is a failure outcome rather than the APDU asked for. */
export function failed<T extends Apdu>(x: T | ServiceFailure): x is ServiceFailure {
  // APDUs are discriminated on `type`, outcomes on `kind`: an outcome has no `type`.
  return !('type' in x);
}
