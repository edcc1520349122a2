/**
 * GET (Green Book 9.3.6, LN referencing): normal and with-list, and the transparent block
 * transfer that follows a get-response-with-datablock (get-request-next, naming the block last
 * received, until last-block). Every answer is checked for what the client itself relies on —
 * the echoed invoke-id, consecutive block numbers from 1, the client's max receive PDU size —
 * and anything else is returned as an outcome for the harness to judge.
 */
import { ByteReader } from '../dlms/bytes/reader';
import { concatBytes } from '../dlms/bytes/hex';
import { DecodeError, isDecodeError } from '../dlms/bytes/decode-error';
import { decodeData } from '../dlms/axdr/data-codec';
import { sharedObis } from '../dlms/cosem/obis';
import type { Apdu } from '../dlms/xdlms/apdu';
import { readSequenceOf } from '../dlms/xdlms/axdr-fields';
import type { AttributeWithSelection } from '../dlms/xdlms/descriptors';
import type { GetResponse } from '../dlms/xdlms/get';
import type { InvokeIdAndPriority } from '../dlms/xdlms/invoke-id';
import { nameText } from '../dlms/xdlms/named';
import { decodeGetDataResult, type DataBlockG, type GetDataResult } from '../dlms/xdlms/results';
import type { AttributeRef, GetListEntry, GetListOutcome, GetOutcome, ServiceFailure } from './api';
import { exchangeApdu, expectAnswer, failed, type ServiceContext } from './exchange';
import { malformed } from './outcomes';

/** A DUT that never sets last-block is stopped after this many blocks. */
const MAX_BLOCKS = 10_000;
/** Blocks that carry nothing make no progress: a DUT sending only those is stopped sooner. */
const MAX_EMPTY_BLOCKS = 16;

/** The descriptor a request names; its logical name is the shared parse (requests only encode it). */
export function attributeWithSelection(ref: AttributeRef): AttributeWithSelection {
  const attribute = { classId: ref.classId, instanceId: sharedObis(ref.obis), attributeId: ref.attribute };
  if (!ref.selector) return { attribute };
  return { attribute, accessSelection: { accessSelector: ref.selector.selector, accessParameters: ref.selector.parameters } };
}

export function entryOf(r: GetDataResult): GetListEntry {
  return r.kind === 'data' ? { kind: 'data', data: r.data } : { kind: 'data-access-result', result: nameText(r.result) };
}

type Blocks =
  { readonly kind: 'blocks'; readonly raw: Uint8Array; readonly count: number } | { readonly kind: 'result'; readonly result: string } | ServiceFailure;

/**
 * From a get-response-with-datablock on: every block in turn (get-request-next naming the block
 * received), until last-block. The raw data joined, or what ended the transfer.
 */
async function collectBlocks(
  sc: ServiceContext,
  invoke: InvokeIdAndPriority,
  first: Extract<GetResponse, { variant: 'with-datablock' }>,
  decode: (r: ByteReader) => unknown,
): Promise<Blocks> {
  const parts: Uint8Array[] = [];
  /** Where the value ended, once the blocks so far hold all of it (then only an empty last block may follow). */
  let complete: { readonly at: number; readonly block: number } | undefined;
  let received = 0;
  let response: GetResponse = first;
  for (let expected = 1; ; expected++) {
    if (response.variant !== 'with-datablock') {
      return malformed(new DecodeError('XDLMS_BLOCK_SEQUENCE', 1, `get-response-with-datablock block ${expected}`, `get-response-${response.variant}`));
    }
    const block: DataBlockG = response.result;
    if (block.blockNumber !== expected) {
      return malformed(
        new DecodeError(
          'XDLMS_BLOCK_NUMBER',
          3,
          `block-number ${expected} (consecutive from 1, Green Book 9.4.6.x block transfer)`,
          `block-number ${block.blockNumber}`,
        ),
      );
    }
    if (block.result.kind === 'data-access-result') return { kind: 'result', result: nameText(block.result.result) };
    const raw = block.result.rawData;
    // The blocks carry one encoded value (Green Book 9.4.6.x): bytes after its end are not part of
    // it, so a transfer that goes on past it is stopped there, located, rather than followed for
    // ever (real-meter.md section 1: blocks of `01 00`, an empty array each, without end).
    if (complete && raw.length > 0) {
      return malformed(
        new DecodeError(
          'XDLMS_BLOCK_PAST_END',
          complete.at,
          `last-block on block ${complete.block}, whose raw-data completes the value`,
          `block ${expected} carrying ${raw.length} more byte(s)${block.lastBlock ? '' : ', last-block not set'}`,
        ),
      );
    }
    parts.push(raw);
    received += raw.length;
    if (block.lastBlock) return { kind: 'blocks', raw: concatBytes(...parts), count: parts.length };
    if (!complete && raw.length > 0) {
      const end = valueEnd(concatBytes(...parts), decode);
      if (end !== undefined) complete = { at: end, block: expected };
    }
    if (received === 0 && expected >= MAX_EMPTY_BLOCKS)
      return malformed(new DecodeError('XDLMS_TOO_MANY_BLOCKS', 3, `raw-data within ${MAX_EMPTY_BLOCKS} blocks`, `${expected} empty blocks`));
    if (expected >= MAX_BLOCKS) return malformed(new DecodeError('XDLMS_TOO_MANY_BLOCKS', 3, `last-block within ${MAX_BLOCKS} blocks`, 'more blocks'));
    const next: Apdu = { type: 'get-request', variant: 'next', invokeIdAndPriority: invoke, blockNumber: expected };
    const answer: GetResponse | ServiceFailure = expectAnswer(await exchangeApdu(sc, next), 'get-response', invoke);
    if (failed(answer)) return answer;
    response = answer;
  }
}

/** Where the value encoded in `raw` ends, when `raw` holds all of it; undefined while it needs more bytes (or does not decode). */
function valueEnd(raw: Uint8Array, decode: (r: ByteReader) => unknown): number | undefined {
  try {
    const r = new ByteReader(raw);
    decode(r);
    return r.offset;
  } catch (e) {
    if (isDecodeError(e)) return undefined;
    throw e;
  }
}

/** Decodes the joined raw data of a long answer; its bytes must be used up exactly. */
function decodeRaw<T>(raw: Uint8Array, what: string, decode: (r: ByteReader) => T): { value: T } | ReturnType<typeof malformed> {
  try {
    const r = new ByteReader(raw);
    const value = decode(r);
    r.expectEnd(what);
    return { value };
  } catch (e) {
    if (isDecodeError(e)) return malformed(e);
    throw e;
  }
}

export async function getAttribute(sc: ServiceContext, ref: AttributeRef, invoke: InvokeIdAndPriority): Promise<GetOutcome> {
  const { attribute, accessSelection } = attributeWithSelection(ref);
  const request: Apdu = accessSelection
    ? { type: 'get-request', variant: 'normal', invokeIdAndPriority: invoke, attribute, accessSelection }
    : { type: 'get-request', variant: 'normal', invokeIdAndPriority: invoke, attribute };
  const answer = expectAnswer(await exchangeApdu(sc, request), 'get-response', invoke);
  if (failed(answer)) return answer;
  switch (answer.variant) {
    case 'normal':
      return answer.result.kind === 'data'
        ? { kind: 'data', data: answer.result.data, blocks: 0 }
        : { kind: 'data-access-result', result: nameText(answer.result.result) };
    case 'with-datablock': {
      const blocks = await collectBlocks(sc, invoke, answer, decodeData);
      if (blocks.kind !== 'blocks') return blocks.kind === 'result' ? { kind: 'data-access-result', result: blocks.result } : blocks;
      const decoded = decodeRaw(blocks.raw, 'the data carried in get-response-with-datablock', (r) => decodeData(r));
      return 'value' in decoded ? { kind: 'data', data: decoded.value, blocks: blocks.count } : decoded;
    }
    case 'with-list':
      return malformed(new DecodeError('XDLMS_UNEXPECTED_VARIANT', 1, 'get-response normal or with-datablock', answer.variant));
  }
}

export async function getWithList(sc: ServiceContext, refs: readonly AttributeRef[], invoke: InvokeIdAndPriority): Promise<GetListOutcome> {
  const request: Apdu = { type: 'get-request', variant: 'with-list', invokeIdAndPriority: invoke, attributes: refs.map(attributeWithSelection) };
  const answer = expectAnswer(await exchangeApdu(sc, request), 'get-response', invoke);
  if (failed(answer)) return answer;
  let results: readonly GetDataResult[];
  let count = 0;
  switch (answer.variant) {
    case 'with-list':
      results = answer.result;
      break;
    case 'with-datablock': {
      const blocks = await collectBlocks(sc, invoke, answer, (r) => readSequenceOf(r, 'get-data-result list', decodeGetDataResult));
      if (blocks.kind === 'result') return { kind: 'results', results: refs.map(() => ({ kind: 'data-access-result', result: blocks.result })), blocks: 0 };
      if (blocks.kind !== 'blocks') return blocks;
      // Green Book 9.4.6.x: the blocks of a with-list answer carry its SEQUENCE OF Get-Data-Result.
      const decoded = decodeRaw(blocks.raw, 'the result list carried in get-response-with-datablock', (r) =>
        readSequenceOf(r, 'get-data-result list', decodeGetDataResult),
      );
      if (!('value' in decoded)) return decoded;
      results = decoded.value;
      count = blocks.count;
      break;
    }
    case 'normal':
      return malformed(new DecodeError('XDLMS_UNEXPECTED_VARIANT', 1, 'get-response with-list or with-datablock', answer.variant));
  }
  if (results.length !== refs.length) {
    return malformed(
      new DecodeError('XDLMS_LIST_LENGTH', 3, `${refs.length} results, one per attribute asked (Green Book 9.3.6)`, `${results.length} results`),
    );
  }
  return { kind: 'results', results: results.map(entryOf), blocks: count };
}
