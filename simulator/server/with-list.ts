/**
 * GET with-list (Green Book 9.3.6, get-request-with-list; multiple-references in the
 * conformance block): one Get-Data-Result per attribute, in the order asked, each exactly what
 * a GET normal of that attribute would answer. A list too long for one APDU goes out as
 * get-response-with-datablock whose raw-data is the encoded SEQUENCE OF Get-Data-Result; the
 * client fetches the rest with get-request-next like any long GET.
 */
import { ByteWriter } from '../../dlms/bytes';
import { writeSequenceOf } from '../../dlms/xdlms/axdr-fields';
import type { GetRequest, GetResponse } from '../../dlms/xdlms/get';
import { encodeGetDataResult, type GetDataResult } from '../../dlms/xdlms/results';
import type { ActiveHooks } from '../faults/types';
import type { ServeContext } from '../objects/types';
import { getResponseApdu, readSelected, startLongGet, type GetOutcome } from './get-service';
import { responseLimit } from './grants';

export function serveGetWithList(request: Extract<GetRequest, { variant: 'with-list' }>, ctx: ServeContext, hooks: ActiveHooks): GetOutcome {
  const invokeIdAndPriority = { ...request.invokeIdAndPriority, invokeId: hooks.responseInvokeId(request.invokeIdAndPriority.invokeId) };
  const result: GetDataResult[] = request.attributes.map((a) => {
    const address = { classId: a.attribute.classId, logicalName: a.attribute.instanceId, attribute: a.attribute.attributeId };
    const r = hooks.onGet(address, readSelected(address, a.accessSelection, ctx, hooks));
    return r.kind === 'data' ? { kind: 'data', data: r.data } : { kind: 'data-access-result', result: r.result };
  });
  const response: Extract<GetResponse, { variant: 'with-list' }> = { type: 'get-response', variant: 'with-list', invokeIdAndPriority, result };
  const apdu = getResponseApdu(response);
  if (apdu.length <= responseLimit(ctx, hooks)) return { apdu, longGet: undefined };
  // The list goes out in blocks, never as this APDU: faults see it here (services.ts sees the blocks).
  const listed = hooks.transformResponse(request, response);
  const w = new ByteWriter();
  writeSequenceOf(w, listed.type === 'get-response' && listed.variant === 'with-list' ? listed.result : response.result, encodeGetDataResult);
  // Too long and no block transfer: the standard has no partial list, so every entry is refused.
  const refusal: GetResponse = { ...response, result: response.result.map(() => ({ kind: 'data-access-result', result: 'other-reason' })) };
  return startLongGet(invokeIdAndPriority, w.finish(), ctx, hooks) ?? { apdu: getResponseApdu(refusal), longGet: undefined };
}
