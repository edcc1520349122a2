/**
 * The ACCESS service (Green Book 9.3.x, access-request / access-response; `access` in the
 * conformance block): several GET, SET and ACTION references in one request, their data in a
 * parallel list (null-data for a GET, the value for a SET, the parameters for an ACTION). The
 * response echoes the long-invoke-id and answers each reference in order: its data (null-data
 * when there is none) and its result. break-on-error stops at the first failure, the rest
 * answered as not executed (other-reason), as the processing-option bit asks.
 */
import type { Data } from '../../dlms/axdr/data';
import type { AccessRequest, AccessResponse, AccessResponseSpecification } from '../../dlms/xdlms/access';
import type { ActiveHooks } from '../faults/types';
import { invokeMethod, writeAttribute } from '../objects/store';
import type { ServeContext } from '../objects/types';
import { readSelected } from './get-service';

export interface AccessOutcome {
  readonly response: AccessResponse;
  readonly notify: readonly Data[];
}

const NULL: Data = { type: 'null-data' };

export function serveAccess(request: AccessRequest, ctx: ServeContext, hooks: ActiveHooks): AccessOutcome {
  const listOfData: Data[] = [];
  const responseSpecification: AccessResponseSpecification[] = [];
  const notify: Data[] = [];
  let broken = false;
  request.requestSpecification.forEach((spec, i) => {
    const given = request.listOfData[i];
    if (broken) {
      listOfData.push(NULL);
      responseSpecification.push(
        spec.kind === 'action' ? { kind: 'action', result: 'other-reason' } : { kind: spec.kind.startsWith('get') ? 'get' : 'set', result: 'other-reason' },
      );
      return;
    }
    switch (spec.kind) {
      case 'get':
      case 'get-with-selection': {
        const address = { classId: spec.attribute.classId, logicalName: spec.attribute.instanceId, attribute: spec.attribute.attributeId };
        const r = hooks.onGet(address, readSelected(address, spec.kind === 'get-with-selection' ? spec.accessSelection : undefined, ctx, hooks));
        listOfData.push(r.kind === 'data' ? r.data : NULL);
        responseSpecification.push({ kind: 'get', result: r.kind === 'data' ? 'success' : r.result });
        break;
      }
      case 'set':
      case 'set-with-selection': {
        const address = { classId: spec.attribute.classId, logicalName: spec.attribute.instanceId, attribute: spec.attribute.attributeId };
        const r =
          spec.kind === 'set-with-selection' || given === undefined
            ? ({ kind: 'error', result: 'other-reason' } as const)
            : writeAttribute(address, given, ctx);
        listOfData.push(NULL);
        responseSpecification.push({ kind: 'set', result: r.kind === 'success' ? 'success' : r.result });
        break;
      }
      case 'action': {
        const r = invokeMethod(
          { classId: spec.method.classId, logicalName: spec.method.instanceId, method: spec.method.methodId },
          given?.type === 'null-data' ? undefined : given,
          ctx,
        );
        if (r.kind === 'success' && r.notify) notify.push(r.notify);
        listOfData.push(r.kind === 'success' && r.returnData ? r.returnData : NULL);
        responseSpecification.push({ kind: 'action', result: r.kind === 'success' ? 'success' : r.result });
        break;
      }
      default: {
        const never: never = spec;
        return never;
      }
    }
    const last = responseSpecification[responseSpecification.length - 1]!;
    if (request.longInvokeIdAndPriority.processingOption === 'break-on-error' && last.result !== 'success') broken = true;
  });
  return {
    response: {
      type: 'access-response',
      longInvokeIdAndPriority: request.longInvokeIdAndPriority,
      dateTime: new Uint8Array(0),
      listOfData,
      responseSpecification,
    },
    notify,
  };
}
