/**
 * The COSEM application layer of one connection, server side, sans-IO: an APDU in (already
 * out of its HDLC or wrapper envelope), the response APDU out, or nothing.
 *
 * - AARQ → AARE (association.ts); RLRQ → RLRE reason normal (Green Book 9.3.3).
 * - GET, SET, ACTION, ACCESS and general block transfer in an association (services.ts).
 * - Any other request before an association exists → exception-response state-error
 *   service-not-allowed, service-error operation-not-possible (Green Book 9.5 ExceptionResponse);
 *   a service outside the negotiated conformance → service-not-allowed / service-not-supported;
 *   bytes that are no APDU → service-unknown / service-not-supported.
 */
import { decodePduBytes, encodePduBytes, type Pdu } from '../../dlms/pdu/pdu';
import { isDecodeError } from '../../dlms/bytes';
import type { ExceptionResponse } from '../../dlms/xdlms/exception';
import type { ActiveHooks } from '../faults/types';
import type { MeterDefinition } from '../meter/definition';
import { objectListFor } from '../objects/store';
import type { AssociationView, MonitorHooks, ServeContext } from '../objects/types';
import { answerAarq, initiateResponseOf } from './association';
import { createLnServices, type LnServiceRequest } from './services';
import { createSnServices, type SnServiceRequest } from './sn-service';
import { userInformationFor } from '../../dlms/acse/user-information';

export interface Session {
  /** One APDU from the client with this SAP, received at `now`; the response APDU, if any. */
  handleApdu(apdu: Uint8Array, clientSap: number, now: number): Uint8Array | undefined;
  /** The link went down: the association ends with it (Green Book 9.3.3, non-persistent AA). */
  reset(): void;
  /** Data-notification APDUs a method pushed, to send after the response (oldest first); emptied by the call. */
  takePushes(): Uint8Array[];
}

function exception(
  stateError: ExceptionResponse['stateError'],
  kind: 'operation-not-possible' | 'service-not-supported' | 'pdu-too-long' | 'other-reason',
): Uint8Array {
  return encodePduBytes({ type: 'exception-response', stateError, serviceError: { kind } });
}

/** The association a faulty server pretends to be in before any AARQ: the first without authentication. */
function implicitAssociation(meter: MeterDefinition): AssociationView {
  const definition = meter.associations.find((a) => a.authentication === 'none') ?? meter.associations[0]!;
  return { definition, conformance: definition.conformance, clientMaxReceivePduSize: definition.maxPduSize, dlmsVersion: definition.dlmsVersion };
}

export function createSession(meter: MeterDefinition, hooks: ActiveHooks, startedAt: number): Session {
  let association: AssociationView | undefined;
  const services = createLnServices(hooks);
  const snServices = createSnServices(hooks);

  const context = (view: AssociationView, now: number): ServeContext => ({
    now,
    startedAt,
    meter,
    association: view,
    objectList: () => hooks.transformObjectList(objectListFor(meter.objects, view.definition)),
  });

  const ticking = meter.objects.filter((o) => o.behaviour.tick);
  const monitorHooks: MonitorHooks = {
    ...hooks.monitorReading({ valueChangeOnly: false, laterBy: 0 }),
    action: hooks.monitorAction,
    emergency: hooks.limiterEmergency,
  };

  /** Around each request: the monitors evaluate what it (or time) changed (register-monitor.ts). */
  function ticked(ctx: ServeContext, serve: () => Uint8Array | undefined): Uint8Array | undefined {
    for (const o of ticking) o.behaviour.tick!(ctx, monitorHooks, 'before');
    const response = serve();
    for (const o of ticking) o.behaviour.tick!(ctx, monitorHooks, 'after');
    return response;
  }

  /** GET, SET, ACTION, ACCESS and GBT (services.ts), in the association, or none. */
  function lnService(pdu: LnServiceRequest, now: number): Uint8Array | undefined {
    // Only GET is ever served without an association, and only by a faulty server.
    const view = association ?? (pdu.type === 'get-request' && hooks.serveWithoutAssociation ? implicitAssociation(meter) : undefined);
    if (!view) return exception('service-not-allowed', 'operation-not-possible');
    const ctx = context(view, now);
    return ticked(ctx, () => services.handle(pdu, ctx));
  }

  /** READ, WRITE and unconfirmed WRITE (sn-service.ts), in an association, or none. */
  function snService(pdu: SnServiceRequest, now: number): Uint8Array | undefined {
    if (!association) return pdu.type === 'unconfirmed-write-request' ? undefined : exception('service-not-allowed', 'operation-not-possible');
    const ctx = context(association, now);
    return ticked(ctx, () => snServices.handle(pdu, ctx));
  }

  function handle(pdu: Pdu, clientSap: number, now: number): Uint8Array | undefined {
    switch (pdu.type) {
      case 'aarq': {
        if (association) {
          // One association per connection: a second AARQ does not replace the first.
          return encodePduBytes({
            ...answerAarq(pdu, clientSap, meter, hooks).aare,
            result: 'rejected-permanent',
            resultSourceDiagnostic: { source: 'acse-service-user', diagnostic: 'no-reason-given' },
          });
        }
        const outcome = answerAarq(pdu, clientSap, meter, hooks);
        association = outcome.association;
        services.reset();
        snServices.reset();
        return encodePduBytes(outcome.aare);
      }
      case 'rlrq': {
        if (!hooks.onRlrq(true)) return undefined;
        // Green Book 9.3.3: an RLRQ that carries an InitiateRequest is answered with the association's InitiateResponse.
        const carried = pdu.userInformation?.apdu?.type === 'initiate-request' && association ? initiateResponseOf(association) : undefined;
        association = undefined;
        services.reset();
        snServices.reset();
        return encodePduBytes({ type: 'rlre', reason: 'normal', ...(carried ? { userInformation: userInformationFor(carried) } : {}) });
      }
      case 'get-request':
      case 'set-request':
      case 'action-request':
      case 'access-request':
      case 'general-block-transfer':
        return lnService(pdu, now);
      case 'read-request':
      case 'write-request':
      case 'unconfirmed-write-request':
        return snService(pdu, now);
      default:
        // SN services, ciphered APDUs, and PDUs only a server sends.
        return association ? exception('service-not-allowed', 'service-not-supported') : exception('service-not-allowed', 'operation-not-possible');
    }
  }

  return {
    handleApdu(apdu, clientSap, now) {
      if (association && apdu.length > association.definition.maxPduSize) return exception('service-not-allowed', 'pdu-too-long');
      let pdu: Pdu;
      try {
        pdu = decodePduBytes(apdu);
      } catch (e) {
        if (!isDecodeError(e)) throw e;
        return exception('service-unknown', 'service-not-supported');
      }
      return handle(pdu, clientSap, now);
    },
    reset() {
      association = undefined;
      services.reset();
      snServices.reset();
    },
    takePushes: () => services.takePushes(),
  };
}
