/**
 * Pushed notifications (Green Book 9.3.x: DataNotification, EventNotificationRequest), client
 * side: turning such an APDU into an outcome, keeping the ones that arrive while the client
 * awaits an answer, and waiting for the next one. Over HDLC the server may only talk when
 * given the right to: the link polls with an empty UI frame first (Link.poll).
 */
import { DecodeError } from '../dlms/bytes/decode-error';
import { formatObis } from '../dlms/cosem/obis';
import type { Apdu } from '../dlms/xdlms/apdu';
import type { NotificationOutcome } from './api';
import { decodeChecked, type Negotiated } from './exchange';
import type { Link } from './link';
import { malformed } from './outcomes';

export function notificationOf(apdu: Apdu): NotificationOutcome {
  switch (apdu.type) {
    case 'data-notification':
      return { kind: 'data-notification', longInvokeId: apdu.longInvokeIdAndPriority.invokeId, dateTime: apdu.dateTime, body: apdu.notificationBody };
    case 'event-notification-request': {
      const a = apdu.attribute;
      return {
        kind: 'event-notification',
        attribute: { classId: a.classId, obis: formatObis(a.instanceId), attribute: a.attributeId },
        value: apdu.attributeValue,
        ...(apdu.time === undefined ? {} : { time: apdu.time }),
      };
    }
    default:
      return malformed(new DecodeError('XDLMS_UNEXPECTED_APDU', 0, 'data-notification or event-notification-request', apdu.type));
  }
}

/** Notifications received and not yet taken, and who hears of each one. */
export class NotificationBox {
  private readonly queue: NotificationOutcome[] = [];
  private readonly listeners: ((n: NotificationOutcome) => void)[] = [];

  listen(listener: (n: NotificationOutcome) => void): void {
    this.listeners.push(listener);
  }

  /** A notification that arrived in place of an answer: kept for `receive`. */
  keep(apdu: Apdu): void {
    const n = notificationOf(apdu);
    this.queue.push(n);
    for (const l of this.listeners) l(n);
  }

  /** The oldest kept notification, or the next one the link delivers within `timeoutMs`. */
  async receive(link: Link, negotiated: Negotiated, timeoutMs: number): Promise<NotificationOutcome> {
    const kept = this.queue.shift();
    if (kept) return kept;
    const arrival = await (link.poll ? link.poll(timeoutMs) : link.receive(timeoutMs));
    const answer = decodeChecked(arrival, negotiated);
    const n = answer.kind === 'pdu' ? notificationOf(answer.pdu) : answer;
    if (n.kind === 'data-notification' || n.kind === 'event-notification') for (const l of this.listeners) l(n);
    return n;
  }
}
