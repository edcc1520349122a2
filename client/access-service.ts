/**
 * ACCESS (Green Book 9.3.x, access-request / access-response; `access` in the conformance
 * block), LN referencing: several GET, SET and ACTION items in one request, each answered in
 * order by its data (null-data when none) and its result. The client checks what it relies on —
 * the long-invoke-id echoed, one answer per item, each answer of the kind of its item — and
 * returns anything else as an outcome for the harness to judge.
 */
import type { Data } from '../dlms/axdr/data';
import { DecodeError } from '../dlms/bytes/decode-error';
import type { AccessRequest, AccessRequestSpecification } from '../dlms/xdlms/access';
import type { LongInvokeIdAndPriority } from '../dlms/xdlms/invoke-id';
import { nameText } from '../dlms/xdlms/named';
import type { AccessItem, AccessItemResult, AccessOutcome } from './api';
import { methodDescriptor } from './action-service';
import { exchangeApdu, type ServiceContext } from './exchange';
import { attributeWithSelection } from './get-service';
import { malformed, otherAnswer } from './outcomes';

const NULL: Data = { type: 'null-data' };

function specificationOf(item: AccessItem): AccessRequestSpecification {
  switch (item.kind) {
    case 'get':
    case 'set': {
      const { attribute, accessSelection } = attributeWithSelection(item.ref);
      return accessSelection
        ? { kind: item.kind === 'get' ? 'get-with-selection' : 'set-with-selection', attribute, accessSelection }
        : { kind: item.kind, attribute };
    }
    case 'action':
      return { kind: 'action', method: methodDescriptor(item.ref) };
    default: {
      const never: never = item;
      return never;
    }
  }
}

/** The data each item carries in list-of-data: null-data for a GET, the value, the parameters or null-data. */
function dataOf(item: AccessItem): Data {
  switch (item.kind) {
    case 'get':
      return NULL;
    case 'set':
      return item.value;
    case 'action':
      return item.parameters ?? NULL;
    default: {
      const never: never = item;
      return never;
    }
  }
}

export async function invokeAccess(sc: ServiceContext, items: readonly AccessItem[], invokeId: number, breakOnError = false): Promise<AccessOutcome> {
  const longInvokeIdAndPriority: LongInvokeIdAndPriority = {
    invokeId,
    selfDescriptive: false,
    processingOption: breakOnError ? 'break-on-error' : 'continue-on-error',
    serviceClass: 'confirmed',
    priority: 'high',
  };
  const request: AccessRequest = {
    type: 'access-request',
    longInvokeIdAndPriority,
    dateTime: new Uint8Array(0),
    requestSpecification: items.map(specificationOf),
    listOfData: items.map(dataOf),
  };
  const answer = await exchangeApdu(sc, request);
  if (answer.kind !== 'pdu') return answer;
  const r = answer.pdu;
  if (r.type !== 'access-response') return otherAnswer(r, 'access-response');
  if (r.longInvokeIdAndPriority.invokeId !== invokeId) {
    return malformed(
      new DecodeError(
        'XDLMS_INVOKE_ID_MISMATCH',
        1,
        `long-invoke-id ${invokeId} echoed (Green Book 9.5, Long-Invoke-Id-And-Priority)`,
        `long-invoke-id ${r.longInvokeIdAndPriority.invokeId}`,
      ),
    );
  }
  if (r.responseSpecification.length !== items.length || r.listOfData.length !== items.length) {
    return malformed(
      new DecodeError(
        'XDLMS_ACCESS_COUNT',
        0,
        `${items.length} list-of-data entries and access-response-specifications, one per item (Green Book 9.3.x ACCESS)`,
        `${r.listOfData.length} and ${r.responseSpecification.length}`,
      ),
    );
  }
  const results: AccessItemResult[] = [];
  for (const [i, item] of items.entries()) {
    const spec = r.responseSpecification[i]!;
    if (spec.kind !== item.kind) {
      return malformed(new DecodeError('XDLMS_ACCESS_KIND', 0, `access-response-specification ${i + 1} of kind ${item.kind}`, `kind ${spec.kind}`));
    }
    results.push({ kind: item.kind, result: nameText(spec.result), data: r.listOfData[i]! });
  }
  return { kind: 'access-results', results };
}
