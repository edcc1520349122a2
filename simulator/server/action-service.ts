/**
 * The ACTION service of an established association (Green Book 9.3.8 ACTION; 9.4.6.x block
 * transfer with ACTION), sans-IO: normal, with-list, and method parameters sent in pblocks
 * (with-first-pblock or with-list-and-first-pblock, then with-pblock), each block but the last
 * acknowledged with action-response-next-pblock. A method that pushes (Push setup) hands its
 * notification body back with the response; the session sends it after.
 *
 * Return parameters of a single ACTION too long for the client's max receive PDU size go in
 * pblocks when block-transfer-with-action was negotiated: action-response-with-pblock carries
 * the A-XDR encoding of the return Data cut into DataBlock-SA blocks numbered from 1, the last
 * flagged; the client asks for each next block with action-request-next-pblock naming the block
 * it received. Without block transfer such an answer is action-result other-reason. A method
 * that reports an event (the test object) hands the attribute and value back for an
 * event-notification-request sent after the response.
 */
import type { Data } from '../../dlms/axdr/data';
import { decodeData, encodeDataBytes } from '../../dlms/axdr/data-codec';
import { encodeApduBytes } from '../../dlms/xdlms/apdu';
import { ByteReader, concatBytes, isDecodeError } from '../../dlms/bytes';
import type { ActionRequest, ActionResponse, ActionResponseWithOptionalData } from '../../dlms/xdlms/action';
import { readSequenceOf } from '../../dlms/xdlms/axdr-fields';
import type { CosemMethodDescriptor } from '../../dlms/xdlms/descriptors';
import type { InvokeIdAndPriority } from '../../dlms/xdlms/invoke-id';
import type { ActionResultName } from '../../dlms/xdlms/results';
import type { ActiveHooks } from '../faults/types';
import { invokeMethod, readAttribute } from '../objects/store';
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
  /** Return parameters still to be sent in pblocks (action-response-with-pblock). */
  readonly longResponse?: LongActionResponse;
  /** Attributes whose new value the invoked methods report in event-notifications, in order. */
  readonly events?: readonly ActionEvent[];
}

/** Return parameters being sent in pblocks: every block, and how many went out. */
export interface LongActionResponse {
  readonly blocks: readonly Uint8Array[];
  readonly sent: number;
}

export interface ActionEvent {
  readonly method: CosemMethodDescriptor;
  readonly attribute: number;
  readonly value: Data;
}

/** The raw-data length grows by at most this many octets past 127 bytes (A-XDR length, up to 65535). */
const LENGTH_GROWTH = 2;

function pblockResponse(base: Pick<ActionResponse, 'type' | 'invokeIdAndPriority'>, blocks: readonly Uint8Array[], n: number): ActionResponse {
  return { ...base, variant: 'with-pblock', pblock: { lastBlock: n === blocks.length, blockNumber: n, rawData: blocks[n - 1]! } };
}

/** One method invoked as the meter runs it, faults included; exported for methods invoked by short name (sn-service.ts). */
export function invoke(
  method: CosemMethodDescriptor,
  parameters: Data | undefined,
  ctx: ServeContext,
  notify: Data[],
  events: ActionEvent[],
  hooks: ActiveHooks,
): ActionResponseWithOptionalData {
  // A faulty meter that answers success and does nothing (faults/types.ts ignoreMethod).
  if (hooks.ignoreMethod(method.classId, method.methodId, false)) return { result: 'success' };
  const runs = hooks.redirectMethod(method.classId, method.methodId, method.methodId);
  const read = (attribute: number) => {
    const a = readAttribute({ classId: method.classId, logicalName: method.instanceId, attribute }, ctx);
    return a.kind === 'data' ? a.data : undefined;
  };
  const r = hooks.interceptMethod({ classId: method.classId, method: runs, parameters, read }, () =>
    invokeMethod({ classId: method.classId, logicalName: method.instanceId, method: runs }, parameters, ctx),
  );
  if (r.kind === 'error') return { result: r.result };
  if (r.notify) notify.push(r.notify);
  if (r.event) events.push({ method, ...r.event });
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

/**
 * One ACTION APDU in. `longResponse` is the return data being sent in pblocks, if any; `limit`
 * the largest APDU the client receives (Green Book 9.4.6.2).
 */
export function serveAction(
  request: ActionRequest,
  longAction: LongAction | undefined,
  blocksGranted: boolean,
  ctx: ServeContext,
  hooks: ActiveHooks,
  longResponse?: LongActionResponse,
  limit = Number.POSITIVE_INFINITY,
): ActionOutcome {
  const invokeIdAndPriority: InvokeIdAndPriority = { ...request.invokeIdAndPriority, invokeId: hooks.responseInvokeId(request.invokeIdAndPriority.invokeId) };
  const base = { type: 'action-response', invokeIdAndPriority } as const;
  const notify: Data[] = [];
  const events: ActionEvent[] = [];
  const single = (result: ActionResultName): ActionOutcome => ({
    response: { ...base, variant: 'normal', singleResponse: { result } },
    longAction: undefined,
    notify,
    events,
  });
  const answer = (methods: readonly CosemMethodDescriptor[], params: readonly (Data | undefined)[], list: boolean): ActionOutcome => {
    const responses = methods.map((m, i) => invoke(m, params[i], ctx, notify, events, hooks));
    const response: ActionResponse = list
      ? { ...base, variant: 'with-list', listOfResponses: responses }
      : { ...base, variant: 'normal', singleResponse: responses[0]! };
    const returned = list ? undefined : responses[0]?.returnParameters;
    if (returned?.kind !== 'data' || encodeApduBytes(response).length <= limit) return { response, longAction: undefined, notify, events };
    // Too long for the client: in pblocks when negotiated, else refused (the client never receives more than it said).
    if (!blocksGranted) return { response: { ...base, variant: 'normal', singleResponse: { result: 'other-reason' } }, longAction: undefined, notify, events };
    const overhead = encodeApduBytes(pblockResponse(base, [new Uint8Array(0)], 1)).length + LENGTH_GROWTH;
    const raw = encodeDataBytes(returned.data);
    const size = Math.max(1, limit - overhead);
    const blocks: Uint8Array[] = [];
    for (let at = 0; at < raw.length; at += size) blocks.push(raw.subarray(at, Math.min(raw.length, at + size)));
    return {
      response: pblockResponse(base, blocks, 1),
      longAction: undefined,
      notify,
      events,
      ...(blocks.length > 1 ? { longResponse: { blocks, sent: 1 } } : {}),
    };
  };

  switch (request.variant) {
    case 'normal':
      return answer([request.method], [request.methodInvocationParameters], false);
    case 'with-list':
      return answer(request.methods, request.methodInvocationParameters, true);
    case 'next-pblock': {
      // The client acknowledges the block it received and asks for the next (Green Book 9.4.6.x).
      if (!longResponse) return single('no-long-action-in-progress');
      if (request.blockNumber !== longResponse.sent) return single('long-action-aborted');
      const n = longResponse.sent + 1;
      return {
        response: pblockResponse(base, longResponse.blocks, n),
        longAction: undefined,
        notify,
        ...(n < longResponse.blocks.length ? { longResponse: { ...longResponse, sent: n } } : {}),
      };
    }
    case 'with-first-pblock':
    case 'with-list-and-first-pblock':
    case 'with-pblock': {
      const first = request.variant !== 'with-pblock';
      const state: Omit<LongAction, 'parts'> | undefined =
        request.variant === 'with-first-pblock'
          ? { methods: [request.method], list: false }
          : request.variant === 'with-list-and-first-pblock'
            ? { methods: request.methods, list: true }
            : longAction;
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
