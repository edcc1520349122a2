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
import type { AttributeResult, ServeContext } from '../objects/types';
import { granted, responseLimit } from './grants';
import type { SelectiveAccessDescriptor } from '../../dlms/xdlms/descriptors';

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

function datablock(invokeIdAndPriority: InvokeIdAndPriority, longGet: LongGet, blockNumber: number): GetOutcome {
  const rawData = longGet.blocks[blockNumber - 1]!;
  const lastBlock = blockNumber === longGet.blocks.length;
  const apdu = getResponseApdu({
    type: 'get-response',
    variant: 'with-datablock',
    invokeIdAndPriority,
    result: { lastBlock, blockNumber, result: { kind: 'raw-data', rawData } },
  });
  return { apdu, longGet: lastBlock ? undefined : { ...longGet, lastSent: blockNumber } };
}

function blockError(
  invokeIdAndPriority: InvokeIdAndPriority,
  blockNumber: number,
  result: 'no-long-get-in-progress' | 'data-block-number-invalid',
): GetOutcome {
  const apdu = getResponseApdu({
    type: 'get-response',
    variant: 'with-datablock',
    invokeIdAndPriority,
    result: { lastBlock: true, blockNumber, result: { kind: 'data-access-result', result } },
  });
  return { apdu, longGet: undefined };
}

/** A read with the request's selective access, if any (Green Book 9.3.6, Blue Book 4.3.6). */
export function readSelected(address: AttributeAddress, access: SelectiveAccessDescriptor | undefined, ctx: ServeContext, hooks: ActiveHooks): AttributeResult {
  const selection = hooks.transformSelection(address, access ? { selector: access.accessSelector, parameters: access.accessParameters } : undefined);
  return selection ? readAttribute(address, ctx, selection) : readAttribute(address, ctx);
}

/**
 * Serves get-request-normal and get-request-next. `longGet` is the long GET in progress, if any
 * (a with-list answered in blocks continues here too). With-list itself is in with-list.ts.
 */
export function serveGet(
  request: Exclude<GetRequest, { variant: 'with-list' }>,
  longGet: LongGet | undefined,
  ctx: ServeContext,
  hooks: ActiveHooks,
): GetOutcome {
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
  const result = hooks.onGet(address, readSelected(address, request.accessSelection, ctx, hooks));
  const normal: GetResponse = {
    type: 'get-response',
    variant: 'normal',
    invokeIdAndPriority,
    result: result.kind === 'data' ? { kind: 'data', data: result.data } : { kind: 'data-access-result', result: result.result },
  };
  const apdu = getResponseApdu(normal);
  const limit = responseLimit(ctx, hooks);
  if (apdu.length <= limit || result.kind !== 'data') return { apdu, longGet: undefined };
  const long = startLongGet(invokeIdAndPriority, encodeDataBytes(result.data), ctx, hooks);
  // Too long and no block transfer negotiated: nothing the client can receive carries it.
  return long ?? { apdu: getResponseApdu({ ...normal, result: { kind: 'data-access-result', result: 'other-reason' } }), longGet: undefined };
}

/**
 * A response too long for one APDU as get-response-with-datablock (Green Book 9.4.6.x): `raw`
 * (the encoded Data, or for with-list the encoded list of Get-Data-Result) cut to the client's
 * limit, the first block out. Undefined when block transfer is not granted or cannot help.
 */
export function startLongGet(invokeIdAndPriority: InvokeIdAndPriority, raw: Uint8Array, ctx: ServeContext, hooks: ActiveHooks): GetOutcome | undefined {
  const limit = responseLimit(ctx, hooks);
  if (!granted(ctx, hooks, 'block-transfer-with-get-or-read') || limit <= DATABLOCK_OVERHEAD) return undefined;
  const size = Math.max(DATABLOCK_OVERHEAD + 1, Math.min(limit, hooks.blockSize(limit)));
  return datablock(invokeIdAndPriority, { blocks: split(raw, size - DATABLOCK_OVERHEAD), lastSent: 0 }, 1);
}
