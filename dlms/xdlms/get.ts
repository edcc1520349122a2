import { ByteReader, ByteWriter } from '../bytes';
import { failChoice, readSequenceOf, writeSequenceOf, writeU32 } from './axdr-fields';
import {
  decodeAttributeWithSelection,
  encodeAttributeWithSelection,
  type AttributeWithSelection,
  type CosemAttributeDescriptor,
  type SelectiveAccessDescriptor,
} from './descriptors';
import { decodeServiceHeader, encodeServiceHeader, type InvokeIdAndPriority } from './invoke-id';
import { decodeDataBlockG, decodeGetDataResult, encodeDataBlockG, encodeGetDataResult, type DataBlockG, type GetDataResult } from './results';

/** Get-Request [192] (Green Book 9.5): CHOICE normal [1], next [2], with-list [3]. */
export type GetRequest =
  | {
      readonly type: 'get-request';
      readonly variant: 'normal';
      readonly invokeIdAndPriority: InvokeIdAndPriority;
      readonly attribute: CosemAttributeDescriptor;
      readonly accessSelection?: SelectiveAccessDescriptor;
    }
  | { readonly type: 'get-request'; readonly variant: 'next'; readonly invokeIdAndPriority: InvokeIdAndPriority; readonly blockNumber: number }
  | {
      readonly type: 'get-request';
      readonly variant: 'with-list';
      readonly invokeIdAndPriority: InvokeIdAndPriority;
      readonly attributes: readonly AttributeWithSelection[];
    };

/** Get-Response [196]: CHOICE normal [1], with-datablock [2], with-list [3]. */
export type GetResponse =
  | { readonly type: 'get-response'; readonly variant: 'normal'; readonly invokeIdAndPriority: InvokeIdAndPriority; readonly result: GetDataResult }
  | { readonly type: 'get-response'; readonly variant: 'with-datablock'; readonly invokeIdAndPriority: InvokeIdAndPriority; readonly result: DataBlockG }
  | {
      readonly type: 'get-response';
      readonly variant: 'with-list';
      readonly invokeIdAndPriority: InvokeIdAndPriority;
      readonly result: readonly GetDataResult[];
    };

export const GET_REQUEST_VARIANT = { normal: 1, next: 2, 'with-list': 3 } as const satisfies Record<GetRequest['variant'], number>;
export const GET_RESPONSE_VARIANT = { normal: 1, 'with-datablock': 2, 'with-list': 3 } as const satisfies Record<GetResponse['variant'], number>;

export function decodeGetRequest(r: ByteReader): GetRequest {
  const { at, choice, invokeIdAndPriority } = decodeServiceHeader(r, 'get-request', GET_REQUEST_VARIANT);
  switch (choice) {
    case GET_REQUEST_VARIANT.normal:
      return { type: 'get-request', variant: 'normal', invokeIdAndPriority, ...decodeAttributeWithSelection(r) };
    case GET_REQUEST_VARIANT.next:
      return { type: 'get-request', variant: 'next', invokeIdAndPriority, blockNumber: r.u32('block-number') };
    case GET_REQUEST_VARIANT['with-list']:
      return {
        type: 'get-request',
        variant: 'with-list',
        invokeIdAndPriority,
        attributes: readSequenceOf(r, 'attribute-descriptor-list', decodeAttributeWithSelection),
      };
    default:
      return failChoice(at, 'get-request', choice);
  }
}

export function encodeGetRequest(w: ByteWriter, v: GetRequest): void {
  encodeServiceHeader(w, GET_REQUEST_VARIANT[v.variant], v.invokeIdAndPriority);
  switch (v.variant) {
    case 'normal':
      encodeAttributeWithSelection(w, v);
      return;
    case 'next':
      writeU32(w, v.blockNumber, 'get-request-next.block-number');
      return;
    case 'with-list':
      writeSequenceOf(w, v.attributes, encodeAttributeWithSelection);
      return;
    default: {
      const never: never = v;
      return never;
    }
  }
}

export function decodeGetResponse(r: ByteReader): GetResponse {
  const { at, choice, invokeIdAndPriority } = decodeServiceHeader(r, 'get-response', GET_RESPONSE_VARIANT);
  switch (choice) {
    case GET_RESPONSE_VARIANT.normal:
      return { type: 'get-response', variant: 'normal', invokeIdAndPriority, result: decodeGetDataResult(r) };
    case GET_RESPONSE_VARIANT['with-datablock']:
      return { type: 'get-response', variant: 'with-datablock', invokeIdAndPriority, result: decodeDataBlockG(r) };
    case GET_RESPONSE_VARIANT['with-list']:
      return { type: 'get-response', variant: 'with-list', invokeIdAndPriority, result: readSequenceOf(r, 'get-data-result list', decodeGetDataResult) };
    default:
      return failChoice(at, 'get-response', choice);
  }
}

export function encodeGetResponse(w: ByteWriter, v: GetResponse): void {
  encodeServiceHeader(w, GET_RESPONSE_VARIANT[v.variant], v.invokeIdAndPriority);
  switch (v.variant) {
    case 'normal':
      encodeGetDataResult(w, v.result);
      return;
    case 'with-datablock':
      encodeDataBlockG(w, v.result);
      return;
    case 'with-list':
      writeSequenceOf(w, v.result, encodeGetDataResult);
      return;
    default: {
      const never: never = v;
      return never;
    }
  }
}
