import { ByteReader, ByteWriter } from '../bytes';
import type { Data } from '../axdr/data';
import { decodeData, encodeData } from '../axdr/data-codec';
import { failChoice, readBoolean, readOctetString, readSequenceOf, writeBoolean, writeOctetString, writeSequenceOf, writeU16, writeU8 } from './axdr-fields';
import { decodeDataAccessResult, encodeDataAccessResult, type DataAccessResult } from './results';

/**
 * Short-name referencing services (Green Book 9.3.x / 9.5): ReadRequest [5], ReadResponse [12],
 * WriteRequest [6], WriteResponse [13], UnconfirmedWriteRequest [22]. Objects are addressed by
 * ObjectName, a base name plus the attribute's or method's offset; read as unsigned, as base
 * names are long-unsigned in the SN object list.
 */
export type VariableAccessSpecification =
  | { readonly kind: 'variable-name'; readonly variableName: number }
  | { readonly kind: 'parameterized-access'; readonly variableName: number; readonly selector: number; readonly parameter: Data }
  | { readonly kind: 'block-number-access'; readonly blockNumber: number }
  | { readonly kind: 'read-data-block-access'; readonly lastBlock: boolean; readonly blockNumber: number; readonly rawData: Uint8Array }
  | { readonly kind: 'write-data-block-access'; readonly lastBlock: boolean; readonly blockNumber: number };

/** Variable-Access-Specification CHOICE tags; detailed-access [3] is reserved and not decoded. */
export const VARIABLE_ACCESS_KIND = {
  'variable-name': 2,
  'parameterized-access': 4,
  'block-number-access': 5,
  'read-data-block-access': 6,
  'write-data-block-access': 7,
} as const satisfies Record<VariableAccessSpecification['kind'], number>;

export type ReadResult =
  | { readonly kind: 'data'; readonly data: Data }
  | { readonly kind: 'data-access-error'; readonly error: DataAccessResult }
  | { readonly kind: 'data-block-result'; readonly lastBlock: boolean; readonly blockNumber: number; readonly rawData: Uint8Array }
  | { readonly kind: 'block-number'; readonly blockNumber: number };

export const READ_RESULT_KIND = { data: 0, 'data-access-error': 1, 'data-block-result': 2, 'block-number': 3 } as const satisfies Record<
  ReadResult['kind'],
  number
>;

export type WriteResult =
  | { readonly kind: 'success' }
  | { readonly kind: 'data-access-error'; readonly error: DataAccessResult }
  | { readonly kind: 'block-number'; readonly blockNumber: number };

export const WRITE_RESULT_KIND = { success: 0, 'data-access-error': 1, 'block-number': 2 } as const satisfies Record<WriteResult['kind'], number>;

export interface ReadRequest {
  readonly type: 'read-request';
  readonly variableAccessSpecification: readonly VariableAccessSpecification[];
}

export interface ReadResponse {
  readonly type: 'read-response';
  readonly results: readonly ReadResult[];
}

interface WriteBody {
  readonly variableAccessSpecification: readonly VariableAccessSpecification[];
  readonly listOfData: readonly Data[];
}

export interface WriteRequest extends WriteBody {
  readonly type: 'write-request';
}

/** The same body as WriteRequest; no response is sent. */
export interface UnconfirmedWriteRequest extends WriteBody {
  readonly type: 'unconfirmed-write-request';
}

export interface WriteResponse {
  readonly type: 'write-response';
  readonly results: readonly WriteResult[];
}

function decodeVariableAccess(r: ByteReader): VariableAccessSpecification {
  const at = r.offset;
  const choice = r.u8('variable-access-specification choice');
  switch (choice) {
    case VARIABLE_ACCESS_KIND['variable-name']:
      return { kind: 'variable-name', variableName: r.u16('variable-name') };
    case VARIABLE_ACCESS_KIND['parameterized-access']: {
      const variableName = r.u16('variable-name');
      const selector = r.u8('selector');
      return { kind: 'parameterized-access', variableName, selector, parameter: decodeData(r) };
    }
    case VARIABLE_ACCESS_KIND['block-number-access']:
      return { kind: 'block-number-access', blockNumber: r.u16('block-number') };
    case VARIABLE_ACCESS_KIND['read-data-block-access']: {
      const lastBlock = readBoolean(r, 'last-block');
      const blockNumber = r.u16('block-number');
      return { kind: 'read-data-block-access', lastBlock, blockNumber, rawData: readOctetString(r, 'raw-data') };
    }
    case VARIABLE_ACCESS_KIND['write-data-block-access']: {
      const lastBlock = readBoolean(r, 'last-block');
      return { kind: 'write-data-block-access', lastBlock, blockNumber: r.u16('block-number') };
    }
    default:
      return failChoice(at, 'variable-access-specification', choice);
  }
}

function encodeVariableAccess(w: ByteWriter, v: VariableAccessSpecification): void {
  w.u8(VARIABLE_ACCESS_KIND[v.kind]);
  switch (v.kind) {
    case 'variable-name':
      writeU16(w, v.variableName, 'variable-name');
      return;
    case 'parameterized-access':
      writeU16(w, v.variableName, 'parameterized-access.variable-name');
      writeU8(w, v.selector, 'parameterized-access.selector');
      encodeData(w, v.parameter);
      return;
    case 'block-number-access':
      writeU16(w, v.blockNumber, 'block-number-access.block-number');
      return;
    case 'read-data-block-access':
      writeBoolean(w, v.lastBlock);
      writeU16(w, v.blockNumber, 'read-data-block-access.block-number');
      writeOctetString(w, v.rawData);
      return;
    case 'write-data-block-access':
      writeBoolean(w, v.lastBlock);
      writeU16(w, v.blockNumber, 'write-data-block-access.block-number');
      return;
    default: {
      const never: never = v;
      return never;
    }
  }
}

function decodeReadResult(r: ByteReader): ReadResult {
  const at = r.offset;
  const choice = r.u8('read-response choice');
  switch (choice) {
    case READ_RESULT_KIND.data:
      return { kind: 'data', data: decodeData(r) };
    case READ_RESULT_KIND['data-access-error']:
      return { kind: 'data-access-error', error: decodeDataAccessResult(r) };
    case READ_RESULT_KIND['data-block-result']: {
      const lastBlock = readBoolean(r, 'last-block');
      const blockNumber = r.u16('block-number');
      return { kind: 'data-block-result', lastBlock, blockNumber, rawData: readOctetString(r, 'raw-data') };
    }
    case READ_RESULT_KIND['block-number']:
      return { kind: 'block-number', blockNumber: r.u16('block-number') };
    default:
      return failChoice(at, 'read-response', choice);
  }
}

function encodeReadResult(w: ByteWriter, v: ReadResult): void {
  w.u8(READ_RESULT_KIND[v.kind]);
  switch (v.kind) {
    case 'data':
      encodeData(w, v.data);
      return;
    case 'data-access-error':
      encodeDataAccessResult(w, v.error);
      return;
    case 'data-block-result':
      writeBoolean(w, v.lastBlock);
      writeU16(w, v.blockNumber, 'data-block-result.block-number');
      writeOctetString(w, v.rawData);
      return;
    case 'block-number':
      writeU16(w, v.blockNumber, 'read-response.block-number');
      return;
    default: {
      const never: never = v;
      return never;
    }
  }
}

function decodeWriteResult(r: ByteReader): WriteResult {
  const at = r.offset;
  const choice = r.u8('write-response choice');
  switch (choice) {
    case WRITE_RESULT_KIND.success:
      return { kind: 'success' };
    case WRITE_RESULT_KIND['data-access-error']:
      return { kind: 'data-access-error', error: decodeDataAccessResult(r) };
    case WRITE_RESULT_KIND['block-number']:
      return { kind: 'block-number', blockNumber: r.u16('block-number') };
    default:
      return failChoice(at, 'write-response', choice);
  }
}

function encodeWriteResult(w: ByteWriter, v: WriteResult): void {
  w.u8(WRITE_RESULT_KIND[v.kind]);
  if (v.kind === 'data-access-error') encodeDataAccessResult(w, v.error);
  else if (v.kind === 'block-number') writeU16(w, v.blockNumber, 'write-response.block-number');
}

const accessList = (r: ByteReader): VariableAccessSpecification[] => readSequenceOf(r, 'variable-access-specification', decodeVariableAccess);

export function decodeReadRequest(r: ByteReader): ReadRequest {
  return { type: 'read-request', variableAccessSpecification: accessList(r) };
}

export function encodeReadRequest(w: ByteWriter, v: ReadRequest): void {
  writeSequenceOf(w, v.variableAccessSpecification, encodeVariableAccess);
}

export function decodeReadResponse(r: ByteReader): ReadResponse {
  return { type: 'read-response', results: readSequenceOf(r, 'read-response', decodeReadResult) };
}

export function encodeReadResponse(w: ByteWriter, v: ReadResponse): void {
  writeSequenceOf(w, v.results, encodeReadResult);
}

function decodeWriteBody(r: ByteReader): WriteBody {
  const variableAccessSpecification = accessList(r);
  return { variableAccessSpecification, listOfData: readSequenceOf(r, 'list-of-data', (x) => decodeData(x)) };
}

export function decodeWriteRequest(r: ByteReader): WriteRequest {
  return { type: 'write-request', ...decodeWriteBody(r) };
}

export function decodeUnconfirmedWriteRequest(r: ByteReader): UnconfirmedWriteRequest {
  return { type: 'unconfirmed-write-request', ...decodeWriteBody(r) };
}

/** Encodes the body of a WriteRequest or an UnconfirmedWriteRequest. */
export function encodeWriteRequest(w: ByteWriter, v: WriteBody): void {
  writeSequenceOf(w, v.variableAccessSpecification, encodeVariableAccess);
  writeSequenceOf(w, v.listOfData, encodeData);
}

export function decodeWriteResponse(r: ByteReader): WriteResponse {
  return { type: 'write-response', results: readSequenceOf(r, 'write-response', decodeWriteResult) };
}

export function encodeWriteResponse(w: ByteWriter, v: WriteResponse): void {
  writeSequenceOf(w, v.results, encodeWriteResult);
}
