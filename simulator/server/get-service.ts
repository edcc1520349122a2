/**
 * The GET service of an established association (Green Book 9.3.6 GET, 9.4.6.x block transfer
 * with GET), sans-IO. A response that would not fit the client's max receive PDU size goes out
 * as get-response-with-datablock; the client asks for each following block with
 * get-request-next, naming the block it last received.
 */
import { encodeDataBytes } from '../../dlms/axdr/data-codec';
import { ByteWriter } from '../../dlms/bytes';
import { encodeGetResponse, type GetRequest, type GetResponse } from '../../dlms/xdlms/get';
import type { InvokeIdAndPriority } from '../../dlms/xdlms/invoke-id';
import type { ActiveHooks } from '../faults/types';
import { readAttribute, type AttributeAddress } from '../objects/store';
import type { ServeContext } from '../objects/types';

/** Tag of get-response (Green Book 9.5, [196]); the APDU is the tag and the GetResponse body. */
const GET_RESPONSE_TAG = 0xc4;
/**
 * Bytes of a get-response-with-datablock around its raw data: tag, choice, invoke-id,
 * last-block, block-number (4), raw-data choice, and up to 3 length bytes (Green Book 9.5).
 */
const DATABLOCK_OVERHEAD = 1 + 1 + 1 + 1 + 4 + 1 + 3;

/** A long GET in progress: the encoded Data, cut into blocks, and the last block sent. */
export interface LongGet {
  readonly blocks: readonly Uint8Array[];
  readonly lastSent: number;
}

export interface GetOutcome {
  /** The get-response APDU, tag included. */
  readonly apdu: Uint8Array;
  /** The long GET after this response (undefined when none is in progress). */
  readonly longGet: LongGet | undefined;
}

export function getResponseApdu(response: GetResponse): Uint8Array {
  const w = new ByteWriter().u8(GET_RESPONSE_TAG);
  encodeGetResponse(w, response);
  return w.finish();
}

function split(data: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < data.length; at += size) out.push(data.subarray(at, Math.min(data.length, at + size)));
  return out.length > 0 ? out : [data];
}

/**
 * Green Book 9.4.6.2: a client-max-receive-pdu-size of 0 means the client sets no limit; the
 * A-XDR field is an Unsigned16, so 65535 is the largest any APDU is cut to.
 */
function clientLimit(ctx: ServeContext): number {
  return ctx.association.clientMaxReceivePduSize === 0 ? 0xffff : ctx.association.clientMaxReceivePduSize;
}

function datablock(invokeIdAndPriority: InvokeIdAndPriority, longGet: LongGet, blockNumber: number): GetOutcome {
  const rawData = longGet.blocks[blockNumber - 1]!;
  const lastBlock = blockNumber === longGet.blocks.length;
  const apdu = getResponseApdu({ type: 'get-response', variant: 'with-datablock', invokeIdAndPriority, result: { lastBlock, blockNumber, result: { kind: 'raw-data', rawData } } });
  return { apdu, longGet: lastBlock ? undefined : { ...longGet, lastSent: blockNumber } };
}

function blockError(invokeIdAndPriority: InvokeIdAndPriority, blockNumber: number, result: 'no-long-get-in-progress' | 'data-block-number-invalid'): GetOutcome {
  const apdu = getResponseApdu({ type: 'get-response', variant: 'with-datablock', invokeIdAndPriority, result: { lastBlock: true, blockNumber, result: { kind: 'data-access-result', result } } });
  return { apdu, longGet: undefined };
}

/**
 * Serves get-request-normal and get-request-next. `longGet` is the long GET in progress, if any.
 * With-list is not offered (multiple-references is not in any conformance this server grants)
 * and is refused by the session before it reaches here.
 */
export function serveGet(request: Exclude<GetRequest, { variant: 'with-list' }>, longGet: LongGet | undefined, ctx: ServeContext, hooks: ActiveHooks): GetOutcome {
  const invokeIdAndPriority: InvokeIdAndPriority = { ...request.invokeIdAndPriority, invokeId: hooks.responseInvokeId(request.invokeIdAndPriority.invokeId) };
  if (request.variant === 'next') {
    if (!longGet) return blockError(invokeIdAndPriority, request.blockNumber, 'no-long-get-in-progress');
    // The client names the block it received last; the next one is one more (Green Book 9.4.6.x).
    if (request.blockNumber !== longGet.lastSent) return blockError(invokeIdAndPriority, request.blockNumber, 'data-block-number-invalid');
    return datablock(invokeIdAndPriority, longGet, longGet.lastSent + 1);
  }

  const address: AttributeAddress = {
    classId: request.attribute.classId,
    logicalName: request.attribute.instanceId,
    attribute: request.attribute.attributeId,
  };
  // No object of this meter has access selectors (object_list access_selectors are null-data):
  // a selective GET cannot be served. "other-reason": the standard names no closer result.
  const read = request.accessSelection ? ({ kind: 'error', result: 'other-reason' } as const) : readAttribute(address, ctx);
  const result = hooks.onGet(address, read);
  const normal: GetResponse = {
    type: 'get-response',
    variant: 'normal',
    invokeIdAndPriority,
    result: result.kind === 'data' ? { kind: 'data', data: result.data } : { kind: 'data-access-result', result: result.result },
  };
  const apdu = getResponseApdu(normal);
  const limit = clientLimit(ctx);
  if (apdu.length <= limit || result.kind !== 'data') return { apdu, longGet: undefined };
  if (!ctx.association.conformance.includes('block-transfer-with-get-or-read') || limit <= DATABLOCK_OVERHEAD) {
    // Too long and no block transfer negotiated: nothing the client can receive carries it.
    const refusal = getResponseApdu({ ...normal, result: { kind: 'data-access-result', result: 'other-reason' } });
    return { apdu: refusal, longGet: undefined };
  }
  const blocks = split(encodeDataBytes(result.data), limit - DATABLOCK_OVERHEAD);
  return datablock(invokeIdAndPriority, { blocks, lastSent: 0 }, 1);
}
