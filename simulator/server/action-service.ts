/**
 * The ACTION service of an established association (Green Book 9.3.8 ACTION; 9.4.6.x block
 * transfer with ACTION), sans-IO: normal, with-list, and method parameters sent in pblocks
 * (with-first-pblock or with-list-and-first-pblock, then with-pblock), each block but the last
 * acknowledged with action-response-next-pblock. A method that pushes (Push setup) hands its
 * notification body back with the response; the session sends it after.
 *
 * Not served: return parameters too long for one APDU (action-response-with-pblock). No method
 * of this meter returns data, so none is ever that long.
 */
import type { Data } from '../../dlms/axdr/data';
import { decodeData } from '../../dlms/axdr/data-codec';
import { ByteReader, concatBytes, isDecodeError } from '../../dlms/bytes';
import type { ActionRequest, ActionResponse, ActionResponseWithOptionalData } from '../../dlms/xdlms/action';
import { readSequenceOf } from '../../dlms/xdlms/axdr-fields';
import type { CosemMethodDescriptor } from '../../dlms/xdlms/descriptors';
import type { InvokeIdAndPriority } from '../../dlms/xdlms/invoke-id';
import type { ActionResultName } from '../../dlms/xdlms/results';
import type { ActiveHooks } from '../faults/types';
import { invokeMethod } from '../objects/store';
import type { ServeContext } from '../objects/types';

/** Method parameters arriving in pblocks: the methods they are for, and the blocks so far. */
export interface LongAction {
  readonly methods: readonly CosemMethodDescriptor[];
  readonly list: boolean;
  readonly parts: readonly Uint8Array[];
}

export interface ActionOutcome {
  readonly response: ActionResponse;
  readonly longAction: LongAction | undefined;
  /** Data-notification bodies the invoked methods push, in order. */
  readonly notify: readonly Data[];
}

function invoke(method: CosemMethodDescriptor, parameters: Data | undefined, ctx: ServeContext, notify: Data[]): ActionResponseWithOptionalData {
  const r = invokeMethod({ classId: method.classId, logicalName: method.instanceId, method: method.methodId }, parameters, ctx);
  if (r.kind === 'error') return { result: r.result };
  if (r.notify) notify.push(r.notify);
  return r.returnData === undefined ? { result: 'success' } : { result: 'success', returnParameters: { kind: 'data', data: r.returnData } };
}

function decodeParameters(raw: Uint8Array, list: boolean): Data[] | undefined {
  try {
    const r = new ByteReader(raw);
    const values = list ? readSequenceOf(r, 'method-invocation-parameters', (x) => decodeData(x)) : [decodeData(r)];
    r.expectEnd('the parameters carried in action-request pblocks');
    return values;
  } catch (e) {
    if (isDecodeError(e)) return undefined;
    throw e;
  }
}

export function serveAction(request: ActionRequest, longAction: LongAction | undefined, blocksGranted: boolean, ctx: ServeContext, hooks: ActiveHooks): ActionOutcome {
  const invokeIdAndPriority: InvokeIdAndPriority = { ...request.invokeIdAndPriority, invokeId: hooks.responseInvokeId(request.invokeIdAndPriority.invokeId) };
  const base = { type: 'action-response', invokeIdAndPriority } as const;
  const notify: Data[] = [];
  const single = (result: ActionResultName): ActionOutcome => ({ response: { ...base, variant: 'normal', singleResponse: { result } }, longAction: undefined, notify });
  const answer = (methods: readonly CosemMethodDescriptor[], params: readonly (Data | undefined)[], list: boolean): ActionOutcome => {
    const responses = methods.map((m, i) => invoke(m, params[i], ctx, notify));
    const response: ActionResponse = list ? { ...base, variant: 'with-list', listOfResponses: responses } : { ...base, variant: 'normal', singleResponse: responses[0]! };
    return { response, longAction: undefined, notify };
  };

  switch (request.variant) {
    case 'normal':
      return answer([request.method], [request.methodInvocationParameters], false);
    case 'with-list':
      return answer(request.methods, request.methodInvocationParameters, true);
    case 'next-pblock':
      // The client asks for the next block of a long response; this server never sends one.
      return single('no-long-action-in-progress');
    case 'with-first-pblock':
    case 'with-list-and-first-pblock':
    case 'with-pblock': {
      const first = request.variant !== 'with-pblock';
      const state: Omit<LongAction, 'parts'> | undefined =
        request.variant === 'with-first-pblock' ? { methods: [request.method], list: false } : request.variant === 'with-list-and-first-pblock' ? { methods: request.methods, list: true } : longAction;
      if (!state) return single('no-long-action-in-progress');
      if (!blocksGranted) return single('long-action-aborted');
      const block = request.pblock;
      // Blocks are numbered from 1, each one more than the last (Green Book 9.4.6.x).
      const expected = first ? 1 : (longAction?.parts.length ?? 0) + 1;
      if (block.blockNumber !== expected) return single('long-action-aborted');
      const parts = [...(first ? [] : (longAction?.parts ?? [])), block.rawData];
      if (!block.lastBlock) return { response: { ...base, variant: 'next-pblock', blockNumber: block.blockNumber }, longAction: { ...state, parts }, notify };
      const params = decodeParameters(concatBytes(...parts), state.list);
      if (!params) return single('type-unmatched');
      return answer(state.methods, params, state.list);
    }
    default: {
      const never: never = request;
      return never;
    }
  }
}
