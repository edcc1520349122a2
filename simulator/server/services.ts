/**
 * The xDLMS services of an established LN association (Green Book 9.3.6-9.3.9 GET, SET, ACTION,
 * ACCESS, general block transfer), server side, sans-IO: the state of long transfers in
 * progress, the conformance checks every request passes first, the faults' last word on each
 * response, and the data-notifications methods push. The session hands requests over once an
 * association exists.
 *
 * A service outside the negotiated conformance block is answered with exception-response
 * state-error service-not-allowed, service-error service-not-supported (Green Book 9.5
 * ExceptionResponse), as the session does for any other refused service.
 */
import type { Data } from '../../dlms/axdr/data';
import { dateTimeFromDate, dateTimeToOctetString } from '../../dlms/axdr/datetime';
import { isDecodeError } from '../../dlms/bytes';
import { decodeApduBytes, encodeApduBytes, type Apdu } from '../../dlms/xdlms/apdu';
import type { ConformanceBit } from '../../dlms/xdlms/conformance';
import type { DataNotification, EventNotificationRequest } from '../../dlms/xdlms/notification';
import type { ActiveHooks } from '../faults/types';
import type { ServeContext } from '../objects/types';
import { serveAccess } from './access-service';
import { serveAction, type ActionEvent, type LongAction, type LongActionResponse } from './action-service';
import { GBT_IDLE, serveGbt, type GbtState } from './general-block-transfer';
import { serveGet, type LongGet } from './get-service';
import { granted, responseLimit } from './grants';
import { serveSet, type LongSet } from './set-service';
import { serveGetWithList } from './with-list';

export type LnServiceRequest = Extract<Apdu, { type: 'get-request' | 'set-request' | 'action-request' | 'access-request' | 'general-block-transfer' }>;

export const LN_SERVICE_TYPES: ReadonlySet<string> = new Set<LnServiceRequest['type']>([
  'get-request',
  'set-request',
  'action-request',
  'access-request',
  'general-block-transfer',
]);

export interface LnServices {
  /** The response APDU to one request, or undefined when none is due. */
  handle(request: LnServiceRequest, ctx: ServeContext): Uint8Array | undefined;
  /** The association ended: long transfers in progress end with it. */
  reset(): void;
  /** Data-notification APDUs pushed since the last call, oldest first. */
  takePushes(): Uint8Array[];
}

const NOT_GRANTED: Apdu = { type: 'exception-response', stateError: 'service-not-allowed', serviceError: { kind: 'service-not-supported' } };

/** The services each request form needs granted (Green Book 9.4.6.1 conformance block). */
function servicesNeeded(request: LnServiceRequest): readonly ConformanceBit[] {
  switch (request.type) {
    case 'get-request':
      return request.variant === 'with-list' ? ['get', 'multiple-references'] : ['get'];
    case 'set-request':
      return request.variant === 'with-list' || request.variant === 'with-list-and-first-datablock' ? ['set', 'multiple-references'] : ['set'];
    case 'action-request':
      return request.variant === 'with-list' || request.variant === 'with-list-and-first-pblock' ? ['action', 'multiple-references'] : ['action'];
    case 'access-request':
      return ['access'];
    case 'general-block-transfer':
      return ['general-block-transfer'];
  }
}

/** Data-Notification long-invoke-id counts modulo 2^24 (Green Book 9.5 Long-Invoke-Id-And-Priority). */
const LONG_INVOKE_ID_MODULUS = 1 << 24;

export function createLnServices(hooks: ActiveHooks): LnServices {
  let longGet: LongGet | undefined;
  let longSet: LongSet | undefined;
  let longAction: LongAction | undefined;
  let longActionResponse: LongActionResponse | undefined;
  let gbt: GbtState = GBT_IDLE;
  let pushes: Uint8Array[] = [];
  let notificationId = 0;

  function push(body: Data, ctx: ServeContext): void {
    notificationId = (notificationId + 1) % LONG_INVOKE_ID_MODULUS;
    const notification: DataNotification = {
      type: 'data-notification',
      longInvokeIdAndPriority: {
        invokeId: notificationId,
        selfDescriptive: false,
        processingOption: 'continue-on-error',
        serviceClass: 'unconfirmed',
        priority: 'normal',
      },
      dateTime: dateTimeToOctetString(dateTimeFromDate(new Date(ctx.now), 0)),
      notificationBody: body,
    };
    const sent = hooks.onPush(notification);
    if (sent) pushes.push(encodeApduBytes(sent));
  }

  /** An event a method reported: an event-notification-request with the attribute's new value and the time (Green Book 9.3.x). */
  function event(e: ActionEvent, ctx: ServeContext): void {
    const notification: EventNotificationRequest = {
      type: 'event-notification-request',
      time: dateTimeToOctetString(dateTimeFromDate(new Date(ctx.now), 0)),
      attribute: { classId: e.method.classId, instanceId: e.method.instanceId, attributeId: e.attribute },
      attributeValue: e.value,
    };
    const sent = hooks.onEvent(notification);
    if (sent) pushes.push(encodeApduBytes(sent));
  }

  /** The response as the faults leave it. */
  function out(request: LnServiceRequest, response: Apdu): Uint8Array {
    return hooks.transformResponseBytes(request, encodeApduBytes(hooks.transformResponse(request, response)));
  }

  function serve(request: LnServiceRequest, ctx: ServeContext): Uint8Array | undefined {
    if (!servicesNeeded(request).every((s) => granted(ctx, hooks, s))) return out(request, NOT_GRANTED);
    switch (request.type) {
      case 'get-request': {
        const outcome = request.variant === 'with-list' ? serveGetWithList(request, ctx, hooks) : serveGet(request, longGet, ctx, hooks);
        longGet = outcome.longGet;
        return out(request, decodeApduBytes(outcome.apdu));
      }
      case 'set-request': {
        const outcome = serveSet(request, longSet, granted(ctx, hooks, 'block-transfer-with-set-or-write'), ctx, hooks);
        longSet = outcome.longSet;
        return out(request, outcome.response);
      }
      case 'action-request': {
        const outcome = serveAction(
          request,
          longAction,
          granted(ctx, hooks, 'block-transfer-with-action'),
          ctx,
          hooks,
          longActionResponse,
          responseLimit(ctx, hooks),
        );
        longAction = outcome.longAction;
        longActionResponse = outcome.longResponse;
        const apdu = out(request, outcome.response);
        for (const body of outcome.notify) push(body, ctx);
        for (const e of outcome.events ?? []) event(e, ctx);
        return apdu;
      }
      case 'access-request': {
        const outcome = serveAccess(request, ctx, hooks);
        const apdu = out(request, outcome.response);
        for (const body of outcome.notify) push(body, ctx);
        return apdu;
      }
      case 'general-block-transfer': {
        const outcome = serveGbt(request, gbt, responseLimit(ctx, hooks), (inner) => {
          let apdu: Apdu;
          try {
            apdu = decodeApduBytes(inner);
          } catch (e) {
            if (!isDecodeError(e)) throw e;
            return encodeApduBytes({ type: 'exception-response', stateError: 'service-unknown', serviceError: { kind: 'service-not-supported' } });
          }
          // Whatever GBT carries is served as if it had come alone; GBT inside GBT is not. GBT
          // itself cuts the response to the client's size, so the service does not cut it again.
          if (!LN_SERVICE_TYPES.has(apdu.type) || apdu.type === 'general-block-transfer') return encodeApduBytes(NOT_GRANTED);
          return serve(apdu as LnServiceRequest, { ...ctx, association: { ...ctx.association, clientMaxReceivePduSize: 0 } });
        });
        gbt = outcome.state;
        // Each GBT block goes out as the faults leave it, like any other response.
        return outcome.apdu === undefined ? undefined : out(request, decodeApduBytes(outcome.apdu));
      }
    }
  }

  return {
    handle: serve,
    reset() {
      longGet = undefined;
      longSet = undefined;
      longAction = undefined;
      longActionResponse = undefined;
      gbt = GBT_IDLE;
    },
    takePushes() {
      const taken = pushes;
      pushes = [];
      return taken;
    },
  };
}
