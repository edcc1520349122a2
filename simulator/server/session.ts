/**
 * The COSEM application layer of one connection, server side, sans-IO: an APDU in (already
 * out of its HDLC or wrapper envelope), the response APDU out, or nothing.
 *
 * - AARQ → AARE (association.ts); RLRQ → RLRE reason normal (Green Book 9.3.3).
 * - GET in an association: normal, next (block transfer) and with-list (get-service.ts).
 * - Any other request before an association exists → exception-response state-error
 *   service-not-allowed, service-error operation-not-possible (Green Book 9.5 ExceptionResponse);
 *   a service outside the negotiated conformance → service-not-allowed / service-not-supported;
 *   bytes that are no APDU → service-unknown / service-not-supported.
 */
import { decodePduBytes, encodePduBytes, type Pdu } from '../../dlms/acse/pdu';
import { isDecodeError } from '../../dlms/bytes';
import type { ExceptionResponse } from '../../dlms/xdlms/exception';
import type { GetResponse } from '../../dlms/xdlms/get';
import type { ActiveHooks } from '../faults/types';
import type { MeterDefinition } from '../meter/definition';
import { objectListFor, readAttribute } from '../objects/store';
import type { AssociationView, ServeContext } from '../objects/types';
import { answerAarq } from './association';
import { getResponseApdu, serveGet, type LongGet } from './get-service';

export interface Session {
  /** One APDU from the client with this SAP, received at `now`; the response APDU, if any. */
  handleApdu(apdu: Uint8Array, clientSap: number, now: number): Uint8Array | undefined;
  /** The link went down: the association ends with it (Green Book 9.3.3, non-persistent AA). */
  reset(): void;
}

function exception(stateError: ExceptionResponse['stateError'], kind: 'operation-not-possible' | 'service-not-supported' | 'pdu-too-long' | 'other-reason'): Uint8Array {
  return encodePduBytes({ type: 'exception-response', stateError, serviceError: { kind } });
}

/** The association a faulty server pretends to be in before any AARQ: the first without authentication. */
function implicitAssociation(meter: MeterDefinition): AssociationView {
  const definition = meter.associations.find((a) => a.authentication === 'none') ?? meter.associations[0]!;
  return { definition, conformance: definition.conformance, clientMaxReceivePduSize: definition.maxPduSize, dlmsVersion: definition.dlmsVersion };
}

export function createSession(meter: MeterDefinition, hooks: ActiveHooks, startedAt: number): Session {
  let association: AssociationView | undefined;
  let longGet: LongGet | undefined;

  const context = (view: AssociationView, now: number): ServeContext => ({
    now,
    startedAt,
    meter,
    association: view,
    objectList: () => hooks.transformObjectList(objectListFor(meter.objects, view.definition)),
  });

  function get(pdu: Extract<Pdu, { type: 'get-request' }>, now: number): Uint8Array {
    const view = association ?? (hooks.serveWithoutAssociation ? implicitAssociation(meter) : undefined);
    if (!view) return exception('service-not-allowed', 'operation-not-possible');
    const ctx = context(view, now);
    if (pdu.variant === 'with-list') {
      if (!view.conformance.includes('multiple-references')) return exception('service-not-allowed', 'service-not-supported');
      const response: GetResponse = {
        type: 'get-response',
        variant: 'with-list',
        invokeIdAndPriority: { ...pdu.invokeIdAndPriority, invokeId: hooks.responseInvokeId(pdu.invokeIdAndPriority.invokeId) },
        result: pdu.attributes.map((a) => {
          const address = { classId: a.attribute.classId, logicalName: a.attribute.instanceId, attribute: a.attribute.attributeId };
          const r = hooks.onGet(address, a.accessSelection ? { kind: 'error', result: 'other-reason' } : readAttribute(address, ctx));
          return r.kind === 'data' ? { kind: 'data', data: r.data } : { kind: 'data-access-result', result: r.result };
        }),
      };
      return getResponseApdu(response);
    }
    if (!view.conformance.includes('get')) return exception('service-not-allowed', 'service-not-supported');
    const outcome = serveGet(pdu, longGet, ctx, hooks);
    longGet = outcome.longGet;
    return outcome.apdu;
  }

  function handle(pdu: Pdu, clientSap: number, now: number): Uint8Array | undefined {
    switch (pdu.type) {
      case 'aarq': {
        if (association) {
          // One association per connection: a second AARQ does not replace the first.
          return encodePduBytes({ ...answerAarq(pdu, clientSap, meter, hooks).aare, result: 'rejected-permanent', resultSourceDiagnostic: { source: 'acse-service-user', diagnostic: 'no-reason-given' } });
        }
        const outcome = answerAarq(pdu, clientSap, meter, hooks);
        association = outcome.association;
        longGet = undefined;
        return encodePduBytes(outcome.aare);
      }
      case 'rlrq':
        if (!hooks.onRlrq(true)) return undefined;
        association = undefined;
        longGet = undefined;
        return encodePduBytes({ type: 'rlre', reason: 'normal' });
      case 'get-request':
        return get(pdu, now);
      default:
        // SET, ACTION, SN services, ciphered APDUs, and PDUs only a server sends.
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
      longGet = undefined;
    },
  };
}
