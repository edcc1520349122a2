import { ByteReader, ByteWriter } from '../bytes';
import type { Data } from '../axdr/data';
import { decodeData, encodeData } from '../axdr/data-codec';
import { readOptional, readSequenceOf, writeOptional, writeSequenceOf, writeU32 } from './axdr-fields';
import { decodeMethodDescriptor, encodeMethodDescriptor, type CosemMethodDescriptor } from './descriptors';
import { decodeServiceHeader, encodeServiceHeader, type InvokeIdAndPriority } from './invoke-id';
import {
  decodeActionResult,
  decodeDataBlockSA,
  decodeGetDataResult,
  encodeActionResult,
  encodeDataBlockSA,
  encodeGetDataResult,
  type ActionResult,
  type DataBlockSA,
  type GetDataResult,
} from './results';

interface ActionBase {
  readonly type: 'action-request';
  readonly invokeIdAndPriority: InvokeIdAndPriority;
}

/** Action-Request [195] (Green Book 9.5); pblocks carry method parameters in blocks. */
export type ActionRequest =
  | (ActionBase & { readonly variant: 'normal'; readonly method: CosemMethodDescriptor; readonly methodInvocationParameters?: Data })
  | (ActionBase & { readonly variant: 'next-pblock'; readonly blockNumber: number })
  | (ActionBase & { readonly variant: 'with-list'; readonly methods: readonly CosemMethodDescriptor[]; readonly methodInvocationParameters: readonly Data[] })
  | (ActionBase & { readonly variant: 'with-first-pblock'; readonly method: CosemMethodDescriptor; readonly pblock: DataBlockSA })
  | (ActionBase & { readonly variant: 'with-list-and-first-pblock'; readonly methods: readonly CosemMethodDescriptor[]; readonly pblock: DataBlockSA })
  | (ActionBase & { readonly variant: 'with-pblock'; readonly pblock: DataBlockSA });

/** Action-Response-With-Optional-Data: result, then return-parameters OPTIONAL. */
export interface ActionResponseWithOptionalData {
  readonly result: ActionResult;
  readonly returnParameters?: GetDataResult;
}

interface ActionResponseBase {
  readonly type: 'action-response';
  readonly invokeIdAndPriority: InvokeIdAndPriority;
}

/** Action-Response [199]. */
export type ActionResponse =
  | (ActionResponseBase & { readonly variant: 'normal'; readonly singleResponse: ActionResponseWithOptionalData })
  | (ActionResponseBase & { readonly variant: 'with-pblock'; readonly pblock: DataBlockSA })
  | (ActionResponseBase & { readonly variant: 'with-list'; readonly listOfResponses: readonly ActionResponseWithOptionalData[] })
  | (ActionResponseBase & { readonly variant: 'next-pblock'; readonly blockNumber: number });

export const ACTION_REQUEST_VARIANT = {
  normal: 1,
  'next-pblock': 2,
  'with-list': 3,
  'with-first-pblock': 4,
  'with-list-and-first-pblock': 5,
  'with-pblock': 6,
} as const satisfies Record<ActionRequest['variant'], number>;

export const ACTION_RESPONSE_VARIANT = { normal: 1, 'with-pblock': 2, 'with-list': 3, 'next-pblock': 4 } as const satisfies Record<
  ActionResponse['variant'],
  number
>;

const methodList = (r: ByteReader): CosemMethodDescriptor[] => readSequenceOf(r, 'cosem-method-descriptor-list', decodeMethodDescriptor);

export function decodeActionRequest(r: ByteReader): ActionRequest {
  const { choice, invokeIdAndPriority } = decodeServiceHeader(r, 'action-request', ACTION_REQUEST_VARIANT);
  const base = { type: 'action-request', invokeIdAndPriority } as const;
  switch (choice) {
    case ACTION_REQUEST_VARIANT.normal: {
      const method = decodeMethodDescriptor(r);
      const params = readOptional(r, 'method-invocation-parameters', (x) => decodeData(x));
      return { ...base, variant: 'normal', method, ...(params !== undefined && { methodInvocationParameters: params }) };
    }
    case ACTION_REQUEST_VARIANT['next-pblock']:
      return { ...base, variant: 'next-pblock', blockNumber: r.u32('block-number') };
    case ACTION_REQUEST_VARIANT['with-list']: {
      const methods = methodList(r);
      return { ...base, variant: 'with-list', methods, methodInvocationParameters: readSequenceOf(r, 'method-invocation-parameters', (x) => decodeData(x)) };
    }
    case ACTION_REQUEST_VARIANT['with-first-pblock']: {
      const method = decodeMethodDescriptor(r);
      return { ...base, variant: 'with-first-pblock', method, pblock: decodeDataBlockSA(r) };
    }
    case ACTION_REQUEST_VARIANT['with-list-and-first-pblock']: {
      const methods = methodList(r);
      return { ...base, variant: 'with-list-and-first-pblock', methods, pblock: decodeDataBlockSA(r) };
    }
    default:
      return { ...base, variant: 'with-pblock', pblock: decodeDataBlockSA(r) };
  }
}

export function encodeActionRequest(w: ByteWriter, v: ActionRequest): void {
  encodeServiceHeader(w, ACTION_REQUEST_VARIANT[v.variant], v.invokeIdAndPriority);
  switch (v.variant) {
    case 'normal':
      encodeMethodDescriptor(w, v.method);
      writeOptional(w, v.methodInvocationParameters, encodeData);
      return;
    case 'next-pblock':
      writeU32(w, v.blockNumber, 'action-request-next-pblock.block-number');
      return;
    case 'with-list':
      writeSequenceOf(w, v.methods, encodeMethodDescriptor);
      writeSequenceOf(w, v.methodInvocationParameters, encodeData);
      return;
    case 'with-first-pblock':
      encodeMethodDescriptor(w, v.method);
      encodeDataBlockSA(w, v.pblock);
      return;
    case 'with-list-and-first-pblock':
      writeSequenceOf(w, v.methods, encodeMethodDescriptor);
      encodeDataBlockSA(w, v.pblock);
      return;
    case 'with-pblock':
      encodeDataBlockSA(w, v.pblock);
      return;
    default: {
      const never: never = v;
      return never;
    }
  }
}

export function decodeActionResponseWithOptionalData(r: ByteReader): ActionResponseWithOptionalData {
  const result = decodeActionResult(r);
  const returnParameters = readOptional(r, 'return-parameters', decodeGetDataResult);
  return returnParameters === undefined ? { result } : { result, returnParameters };
}

export function encodeActionResponseWithOptionalData(w: ByteWriter, v: ActionResponseWithOptionalData): void {
  encodeActionResult(w, v.result);
  writeOptional(w, v.returnParameters, encodeGetDataResult);
}

export function decodeActionResponse(r: ByteReader): ActionResponse {
  const { choice, invokeIdAndPriority } = decodeServiceHeader(r, 'action-response', ACTION_RESPONSE_VARIANT);
  const base = { type: 'action-response', invokeIdAndPriority } as const;
  switch (choice) {
    case ACTION_RESPONSE_VARIANT.normal:
      return { ...base, variant: 'normal', singleResponse: decodeActionResponseWithOptionalData(r) };
    case ACTION_RESPONSE_VARIANT['with-pblock']:
      return { ...base, variant: 'with-pblock', pblock: decodeDataBlockSA(r) };
    case ACTION_RESPONSE_VARIANT['with-list']:
      return { ...base, variant: 'with-list', listOfResponses: readSequenceOf(r, 'list-of-responses', decodeActionResponseWithOptionalData) };
    default:
      return { ...base, variant: 'next-pblock', blockNumber: r.u32('block-number') };
  }
}

export function encodeActionResponse(w: ByteWriter, v: ActionResponse): void {
  encodeServiceHeader(w, ACTION_RESPONSE_VARIANT[v.variant], v.invokeIdAndPriority);
  switch (v.variant) {
    case 'normal':
      encodeActionResponseWithOptionalData(w, v.singleResponse);
      return;
    case 'with-pblock':
      encodeDataBlockSA(w, v.pblock);
      return;
    case 'with-list':
      writeSequenceOf(w, v.listOfResponses, encodeActionResponseWithOptionalData);
      return;
    case 'next-pblock':
      writeU32(w, v.blockNumber, 'action-response-next-pblock.block-number');
      return;
    default: {
      const never: never = v;
      return never;
    }
  }
}
