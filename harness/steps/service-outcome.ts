/**
 * Words for the outcomes of SET, ACTION, GET with-list and pushed notifications (Green Book
 * 9.3.6-9.3.8, 9.3.x DataNotification), as expectations and step notes print them.
 */
import type { ActionOutcome, GetListEntry, GetListOutcome, NotificationOutcome, ServiceFailure, SetListOutcome, SetOutcome } from '../../client/api';
import { formatData } from '../../dlms/axdr/format';
import { toHex } from '../../dlms/bytes/hex';
import { LINK_CLOSED } from '../../client/outcomes';

/** A malformed answer in words; the meter closing the connection is said as such (DUT behaviour, not bad bytes). */
export function describeMalformed(o: { readonly code: string; readonly offset: number; readonly expected: string; readonly actual: string }): string {
  if (o.code === LINK_CLOSED) return 'the meter closed the connection';
  return `a malformed answer: ${o.code} at byte ${o.offset}, expected ${o.expected}, got ${o.actual}`;
}

function failure(o: ServiceFailure): string {
  switch (o.kind) {
    case 'exception':
      return `exception-response state-error ${o.stateError} service-error ${o.serviceError}`;
    case 'confirmed-service-error':
      return `confirmed-service-error (${o.service}) ${o.error} ${o.value}`;
    case 'silence':
      return `no answer within ${o.waitedMs} ms`;
    case 'malformed':
      return describeMalformed(o);
  }
}

const blocks = (n: number, what = 'blocks'): string => (n > 0 ? ` (in ${n} ${what})` : '');

export function describeEntry(e: GetListEntry): string {
  return e.kind === 'data' ? formatData(e.data, { maxItems: 8 }) : `data-access-result ${e.result}`;
}

export function describeSet(o: SetOutcome): string {
  return o.kind === 'set-result' ? `data-access-result ${o.result}${blocks(o.blocks)}` : failure(o);
}

export function describeSetList(o: SetListOutcome): string {
  return o.kind === 'set-results' ? `data-access-results [${o.results.join(', ')}]${blocks(o.blocks)}` : failure(o);
}

export function describeAction(o: ActionOutcome): string {
  if (o.kind !== 'action-result') return failure(o);
  return `action-result ${o.result}${o.returnData ? `, return parameters ${describeEntry(o.returnData)}` : ''}${blocks(o.blocks, 'pblocks')}`;
}

export function describeGetList(o: GetListOutcome): string {
  return o.kind === 'results' ? `[${o.results.map(describeEntry).join('; ')}]${blocks(o.blocks)}` : failure(o);
}

export function describeNotification(o: NotificationOutcome): string {
  switch (o.kind) {
    case 'data-notification':
      return `data-notification long-invoke-id ${o.longInvokeId}, date-time ${o.dateTime.length > 0 ? toHex(o.dateTime) : 'none'}, body ${formatData(o.body, { maxItems: 8 })}`;
    case 'event-notification':
      return `event-notification ${o.attribute.obis}/${o.attribute.attribute} = ${formatData(o.value, { maxItems: 8 })}`;
    case 'silence':
    case 'malformed':
      return failure(o);
  }
}
