import { ByteReader, ByteWriter } from '../bytes';
import type { Data } from '../axdr/data';
import { decodeData, encodeData } from '../axdr/data-codec';
import { failChoice, readSequenceOf, writeSequenceOf, writeU32 } from './axdr-fields';
import {
  decodeAttributeWithSelection,
  encodeAttributeWithSelection,
  type AttributeWithSelection,
  type CosemAttributeDescriptor,
  type SelectiveAccessDescriptor,
} from './descriptors';
import { decodeServiceHeader, encodeServiceHeader, type InvokeIdAndPriority } from './invoke-id';
import { decodeDataAccessResult, decodeDataBlockSA, encodeDataAccessResult, encodeDataBlockSA, type DataAccessResult, type DataBlockSA } from './results';

interface SetBase {
  readonly type: 'set-request';
  readonly invokeIdAndPriority: InvokeIdAndPriority;
}

/** Set-Request [193] (Green Book 9.5). */
export type SetRequest =
  | (SetBase & {
      readonly variant: 'normal';
      readonly attribute: CosemAttributeDescriptor;
      readonly accessSelection?: SelectiveAccessDescriptor;
      readonly value: Data;
    })
  | (SetBase & {
      readonly variant: 'with-first-datablock';
      readonly attribute: CosemAttributeDescriptor;
      readonly accessSelection?: SelectiveAccessDescriptor;
      readonly datablock: DataBlockSA;
    })
  | (SetBase & { readonly variant: 'with-datablock'; readonly datablock: DataBlockSA })
  | (SetBase & { readonly variant: 'with-list'; readonly attributes: readonly AttributeWithSelection[]; readonly values: readonly Data[] })
  | (SetBase & { readonly variant: 'with-list-and-first-datablock'; readonly attributes: readonly AttributeWithSelection[]; readonly datablock: DataBlockSA });

interface SetResponseBase {
  readonly type: 'set-response';
  readonly invokeIdAndPriority: InvokeIdAndPriority;
}

/** Set-Response [197]. */
export type SetResponse =
  | (SetResponseBase & { readonly variant: 'normal'; readonly result: DataAccessResult })
  | (SetResponseBase & { readonly variant: 'datablock'; readonly blockNumber: number })
  | (SetResponseBase & { readonly variant: 'last-datablock'; readonly result: DataAccessResult; readonly blockNumber: number })
  | (SetResponseBase & { readonly variant: 'last-datablock-with-list'; readonly result: readonly DataAccessResult[]; readonly blockNumber: number })
  | (SetResponseBase & { readonly variant: 'with-list'; readonly result: readonly DataAccessResult[] });

export const SET_REQUEST_VARIANT = {
  normal: 1,
  'with-first-datablock': 2,
  'with-datablock': 3,
  'with-list': 4,
  'with-list-and-first-datablock': 5,
} as const satisfies Record<SetRequest['variant'], number>;

export const SET_RESPONSE_VARIANT = {
  normal: 1,
  datablock: 2,
  'last-datablock': 3,
  'last-datablock-with-list': 4,
  'with-list': 5,
} as const satisfies Record<SetResponse['variant'], number>;

const dataList = (r: ByteReader): Data[] => readSequenceOf(r, 'value-list', (x) => decodeData(x));
const resultList = (r: ByteReader): DataAccessResult[] => readSequenceOf(r, 'data-access-result list', decodeDataAccessResult);
const attributeList = (r: ByteReader): AttributeWithSelection[] => readSequenceOf(r, 'attribute-descriptor-list', decodeAttributeWithSelection);

export function decodeSetRequest(r: ByteReader): SetRequest {
  const { at, choice, invokeIdAndPriority } = decodeServiceHeader(r, 'set-request', SET_REQUEST_VARIANT);
  const base = { type: 'set-request', invokeIdAndPriority } as const;
  switch (choice) {
    case SET_REQUEST_VARIANT.normal:
    case SET_REQUEST_VARIANT['with-first-datablock']: {
      const target = decodeAttributeWithSelection(r);
      if (choice === SET_REQUEST_VARIANT.normal) return { ...base, variant: 'normal', ...target, value: decodeData(r) };
      return { ...base, variant: 'with-first-datablock', ...target, datablock: decodeDataBlockSA(r) };
    }
    case SET_REQUEST_VARIANT['with-datablock']:
      return { ...base, variant: 'with-datablock', datablock: decodeDataBlockSA(r) };
    case SET_REQUEST_VARIANT['with-list']: {
      const attributes = attributeList(r);
      return { ...base, variant: 'with-list', attributes, values: dataList(r) };
    }
    case SET_REQUEST_VARIANT['with-list-and-first-datablock']: {
      const attributes = attributeList(r);
      return { ...base, variant: 'with-list-and-first-datablock', attributes, datablock: decodeDataBlockSA(r) };
    }
    default:
      return failChoice(at, 'set-request', choice);
  }
}

export function encodeSetRequest(w: ByteWriter, v: SetRequest): void {
  encodeServiceHeader(w, SET_REQUEST_VARIANT[v.variant], v.invokeIdAndPriority);
  switch (v.variant) {
    case 'normal':
      encodeAttributeWithSelection(w, v);
      encodeData(w, v.value);
      return;
    case 'with-first-datablock':
      encodeAttributeWithSelection(w, v);
      encodeDataBlockSA(w, v.datablock);
      return;
    case 'with-datablock':
      encodeDataBlockSA(w, v.datablock);
      return;
    case 'with-list':
      writeSequenceOf(w, v.attributes, encodeAttributeWithSelection);
      writeSequenceOf(w, v.values, encodeData);
      return;
    case 'with-list-and-first-datablock':
      writeSequenceOf(w, v.attributes, encodeAttributeWithSelection);
      encodeDataBlockSA(w, v.datablock);
      return;
    default: {
      const never: never = v;
      return never;
    }
  }
}

export function decodeSetResponse(r: ByteReader): SetResponse {
  const { at, choice, invokeIdAndPriority } = decodeServiceHeader(r, 'set-response', SET_RESPONSE_VARIANT);
  const base = { type: 'set-response', invokeIdAndPriority } as const;
  switch (choice) {
    case SET_RESPONSE_VARIANT.normal:
      return { ...base, variant: 'normal', result: decodeDataAccessResult(r) };
    case SET_RESPONSE_VARIANT.datablock:
      return { ...base, variant: 'datablock', blockNumber: r.u32('block-number') };
    case SET_RESPONSE_VARIANT['last-datablock']: {
      const result = decodeDataAccessResult(r);
      return { ...base, variant: 'last-datablock', result, blockNumber: r.u32('block-number') };
    }
    case SET_RESPONSE_VARIANT['last-datablock-with-list']: {
      const result = resultList(r);
      return { ...base, variant: 'last-datablock-with-list', result, blockNumber: r.u32('block-number') };
    }
    case SET_RESPONSE_VARIANT['with-list']:
      return { ...base, variant: 'with-list', result: resultList(r) };
    default:
      return failChoice(at, 'set-response', choice);
  }
}

export function encodeSetResponse(w: ByteWriter, v: SetResponse): void {
  encodeServiceHeader(w, SET_RESPONSE_VARIANT[v.variant], v.invokeIdAndPriority);
  switch (v.variant) {
    case 'normal':
      encodeDataAccessResult(w, v.result);
      return;
    case 'datablock':
      writeU32(w, v.blockNumber, 'set-response-datablock.block-number');
      return;
    case 'last-datablock':
      encodeDataAccessResult(w, v.result);
      writeU32(w, v.blockNumber, 'set-response-last-datablock.block-number');
      return;
    case 'last-datablock-with-list':
      writeSequenceOf(w, v.result, encodeDataAccessResult);
      writeU32(w, v.blockNumber, 'set-response-last-datablock-with-list.block-number');
      return;
    case 'with-list':
      writeSequenceOf(w, v.result, encodeDataAccessResult);
      return;
    default: {
      const never: never = v;
      return never;
    }
  }
}
