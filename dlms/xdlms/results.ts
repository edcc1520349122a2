import { ByteReader, ByteWriter } from '../bytes';
import type { Data } from '../axdr/data';
import { decodeData, encodeData } from '../axdr/data-codec';
import { failChoice, readBoolean, readOctetString, writeBoolean, writeEnum, writeOctetString, writeU32 } from './axdr-fields';
import { enumTable, type Named } from './named';

/** Data-Access-Result (Green Book 9.5): the outcome of GET/SET/access on one attribute. */
export const DATA_ACCESS_RESULT = enumTable({
  success: 0,
  'hardware-fault': 1,
  'temporary-failure': 2,
  'read-write-denied': 3,
  'object-undefined': 4,
  'object-class-inconsistent': 9,
  'object-unavailable': 11,
  'type-unmatched': 12,
  'scope-of-access-violated': 13,
  'data-block-unavailable': 14,
  'long-get-aborted': 15,
  'no-long-get-in-progress': 16,
  'long-set-aborted': 17,
  'no-long-set-in-progress': 18,
  'data-block-number-invalid': 19,
  'other-reason': 250,
});
export type DataAccessResultName = (typeof DATA_ACCESS_RESULT.names)[number];
export type DataAccessResult = Named<DataAccessResultName>;

/** Action-Result (Green Book 9.5): the outcome of ACTION on one method. */
export const ACTION_RESULT = enumTable({
  success: 0,
  'hardware-fault': 1,
  'temporary-failure': 2,
  'read-write-denied': 3,
  'object-undefined': 4,
  'object-class-inconsistent': 9,
  'object-unavailable': 11,
  'type-unmatched': 12,
  'scope-of-access-violated': 13,
  'data-block-unavailable': 14,
  'long-action-aborted': 15,
  'no-long-action-in-progress': 16,
  'other-reason': 250,
});
export type ActionResultName = (typeof ACTION_RESULT.names)[number];
export type ActionResult = Named<ActionResultName>;

export function decodeDataAccessResult(r: ByteReader): DataAccessResult {
  return DATA_ACCESS_RESULT.name(r.u8('data-access-result'));
}

export function encodeDataAccessResult(w: ByteWriter, v: DataAccessResult): void {
  writeEnum(w, DATA_ACCESS_RESULT.value(v), 'data-access-result');
}

export function decodeActionResult(r: ByteReader): ActionResult {
  return ACTION_RESULT.name(r.u8('action-result'));
}

export function encodeActionResult(w: ByteWriter, v: ActionResult): void {
  writeEnum(w, ACTION_RESULT.value(v), 'action-result');
}

/** Get-Data-Result ::= CHOICE { data [0] Data, data-access-result [1] IMPLICIT Data-Access-Result }. */
export type GetDataResult = { readonly kind: 'data'; readonly data: Data } | { readonly kind: 'data-access-result'; readonly result: DataAccessResult };

const GET_DATA_RESULT_CHOICE = { data: 0, 'data-access-result': 1 } as const;

export function decodeGetDataResult(r: ByteReader): GetDataResult {
  const at = r.offset;
  const choice = r.u8('Get-Data-Result choice');
  if (choice === GET_DATA_RESULT_CHOICE.data) return { kind: 'data', data: decodeData(r) };
  if (choice === GET_DATA_RESULT_CHOICE['data-access-result']) return { kind: 'data-access-result', result: decodeDataAccessResult(r) };
  return failChoice(at, 'Get-Data-Result', choice);
}

export function encodeGetDataResult(w: ByteWriter, v: GetDataResult): void {
  w.u8(GET_DATA_RESULT_CHOICE[v.kind]);
  if (v.kind === 'data') encodeData(w, v.data);
  else encodeDataAccessResult(w, v.result);
}

/** DataBlock-G (GET with-datablock): last-block, block-number, raw-data [0] or data-access-result [1]. */
export interface DataBlockG {
  readonly lastBlock: boolean;
  readonly blockNumber: number;
  readonly result: { readonly kind: 'raw-data'; readonly rawData: Uint8Array } | { readonly kind: 'data-access-result'; readonly result: DataAccessResult };
}

export function decodeDataBlockG(r: ByteReader): DataBlockG {
  const lastBlock = readBoolean(r, 'last-block');
  const blockNumber = r.u32('block-number');
  const at = r.offset;
  const choice = r.u8('DataBlock-G result choice');
  if (choice === 0) return { lastBlock, blockNumber, result: { kind: 'raw-data', rawData: readOctetString(r, 'raw-data') } };
  if (choice === 1) return { lastBlock, blockNumber, result: { kind: 'data-access-result', result: decodeDataAccessResult(r) } };
  return failChoice(at, 'DataBlock-G result', choice);
}

export function encodeDataBlockG(w: ByteWriter, b: DataBlockG): void {
  writeBoolean(w, b.lastBlock);
  writeU32(w, b.blockNumber, 'datablock-g.block-number');
  if (b.result.kind === 'raw-data') {
    w.u8(0);
    writeOctetString(w, b.result.rawData);
  } else {
    w.u8(1);
    encodeDataAccessResult(w, b.result.result);
  }
}

/** DataBlock-SA (SET and ACTION blocks): last-block, block-number, raw-data. */
export interface DataBlockSA {
  readonly lastBlock: boolean;
  readonly blockNumber: number;
  readonly rawData: Uint8Array;
}

export function decodeDataBlockSA(r: ByteReader): DataBlockSA {
  const lastBlock = readBoolean(r, 'last-block');
  const blockNumber = r.u32('block-number');
  return { lastBlock, blockNumber, rawData: readOctetString(r, 'raw-data') };
}

export function encodeDataBlockSA(w: ByteWriter, b: DataBlockSA): void {
  writeBoolean(w, b.lastBlock);
  writeU32(w, b.blockNumber, 'datablock-sa.block-number');
  writeOctetString(w, b.rawData);
}
