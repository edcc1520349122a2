/**
 * Short-name referencing (Green Book 9.3, ReadRequest/WriteRequest; 9.4.6 block transfer with
 * READ): variables are named by base name + attribute offset. A ReadResponse that starts a block
 * transfer (one data-block-result for a single variable) is followed with block-number-access
 * requests until last-block, transparently; anything else comes back as an outcome.
 */
import { decodeDataBytes } from '../dlms/axdr/data-codec';
import { concatBytes } from '../dlms/bytes/hex';
import { DecodeError, isDecodeError } from '../dlms/bytes/decode-error';
import { PLAIN_APDU_TAG, decodeApduBytes, encodeApduBytes, type Apdu } from '../dlms/xdlms/apdu';
import { nameText } from '../dlms/xdlms/named';
import type { ReadResult, VariableAccessSpecification } from '../dlms/xdlms/sn';
import type { ReadOutcome, SnReadResult, SnVariable, SnWriteItem, WriteOutcome } from './api';
import type { Link } from './link';
import { decodeArrival } from './answer';
import { malformed, otherAnswer } from './outcomes';

/** A DUT that never sets last-block is stopped after this many blocks. */
const MAX_BLOCKS = 10_000;
const READ_RESPONSE_TAG = PLAIN_APDU_TAG['read-response'];

function accessOf(v: SnVariable): VariableAccessSpecification {
  return v.parameterized
    ? { kind: 'parameterized-access', variableName: v.variableName, selector: v.parameterized.selector, parameter: v.parameterized.parameter }
    : { kind: 'variable-name', variableName: v.variableName };
}

function plain(r: ReadResult): SnReadResult | undefined {
  if (r.kind === 'data') return { kind: 'data', data: r.data };
  if (r.kind === 'data-access-error') return { kind: 'data-access-result', result: nameText(r.error) };
  return undefined;
}

async function exchange(link: Link, apdu: Apdu) {
  return decodeArrival(await link.exchange(encodeApduBytes(apdu)), decodeApduBytes);
}

/** An allowed but not preferred answer, for the case to carry as a remark. */
export type SnRemark = { readonly text: string; readonly clause: string };

/**
 * The remark on a block-transferred READ of one variable whose raw-data is the value alone
 * (docs/decisions/sn-read-block-raw-data.md).
 */
export const RAW_DATA_VALUE_ALONE: SnRemark = {
  text: "READ with block transfer: the joined raw-data is the variable's value alone, not the ReadResponse list of results (count, choice, value) read as preferred; accepted",
  clause: 'Green Book 9.4.6 (service-specific block transfer, ReadResponse data-block-result); docs/decisions/sn-read-block-raw-data.md',
};

export async function readVariables(link: Link, variables: readonly SnVariable[], onRemark?: (r: SnRemark) => void): Promise<ReadOutcome> {
  let answer = await exchange(link, { type: 'read-request', variableAccessSpecification: variables.map(accessOf) });
  const parts: Uint8Array[] = [];
  let expectedBlock = 1;
  for (;;) {
    if (answer.kind !== 'pdu') return answer;
    const apdu = answer.pdu;
    if (apdu.type !== 'read-response') return otherAnswer(apdu, 'read-response');
    const first = apdu.results[0];
    if (first?.kind !== 'data-block-result') {
      if (parts.length > 0)
        return malformed(new DecodeError('XDLMS_BLOCK_SEQUENCE', 1, `data-block-result block ${expectedBlock}`, first ? first.kind : 'no result'));
      const results: SnReadResult[] = [];
      for (const r of apdu.results) {
        const p = plain(r);
        if (!p) return malformed(new DecodeError('XDLMS_UNEXPECTED_VARIANT', 1, 'data or data-access-error per variable', r.kind));
        results.push(p);
      }
      if (results.length !== variables.length) {
        return malformed(
          new DecodeError('XDLMS_RESULT_COUNT', 1, `${variables.length} results, one per variable (Green Book 9.3 ReadResponse)`, `${results.length} results`),
        );
      }
      return { kind: 'read', results, blocks: 0 };
    }
    if (apdu.results.length !== 1) return malformed(new DecodeError('XDLMS_RESULT_COUNT', 1, 'one data-block-result', `${apdu.results.length} results`));
    if (first.blockNumber !== expectedBlock) {
      return malformed(
        new DecodeError(
          'XDLMS_BLOCK_NUMBER',
          3,
          `block-number ${expectedBlock} (consecutive from 1, Green Book 9.4.6 block transfer)`,
          `block-number ${first.blockNumber}`,
        ),
      );
    }
    parts.push(first.rawData);
    if (first.lastBlock) return joinBlocks(parts, variables.length, onRemark);
    if (expectedBlock >= MAX_BLOCKS) return malformed(new DecodeError('XDLMS_TOO_MANY_BLOCKS', 3, `last-block within ${MAX_BLOCKS} blocks`, 'more blocks'));
    // The client asks for the next block by naming the one it received (block-number-access).
    answer = await exchange(link, { type: 'read-request', variableAccessSpecification: [{ kind: 'block-number-access', blockNumber: expectedBlock }] });
    expectedBlock++;
  }
}

/**
 * The raw data of a block-transferred ReadResponse, read as preferred, is itself a ReadResponse
 * body: the list of results (Green Book 9.4.6, READ with block transfer). For a READ of one
 * variable, raw data that is that variable's value alone (a Data filling it exactly, as the Gurux
 * server sends) is accepted with a remark: the two readings are recorded in
 * docs/decisions/sn-read-block-raw-data.md. Neither decodes: the body reading's error is reported.
 */
function joinBlocks(parts: readonly Uint8Array[], variables: number, onRemark?: (r: SnRemark) => void): ReadOutcome {
  const raw = concatBytes(...parts);
  try {
    return { kind: 'read', results: resultsOfBody(raw, variables), blocks: parts.length };
  } catch (e) {
    if (!isDecodeError(e)) throw e;
    if (variables === 1) {
      try {
        const data = decodeDataBytes(raw);
        onRemark?.(RAW_DATA_VALUE_ALONE);
        return { kind: 'read', results: [{ kind: 'data', data }], blocks: parts.length };
      } catch (alone) {
        if (!isDecodeError(alone)) throw alone;
      }
    }
    return malformed(e);
  }
}

function resultsOfBody(raw: Uint8Array, variables: number): SnReadResult[] {
  // The ReadResponse tag (Green Book 9.5, [12]) in front makes the body decodable as one APDU.
  const apdu = decodeApduBytes(concatBytes(Uint8Array.of(READ_RESPONSE_TAG), raw));
  if (apdu.type !== 'read-response') throw new DecodeError('XDLMS_UNEXPECTED_APDU', 0, 'read-response', apdu.type);
  const results: SnReadResult[] = [];
  for (const x of apdu.results) {
    const p = plain(x);
    if (!p) throw new DecodeError('XDLMS_UNEXPECTED_VARIANT', 0, 'data or data-access-error in the reassembled response', x.kind);
    results.push(p);
  }
  if (results.length !== variables) {
    throw new DecodeError('XDLMS_RESULT_COUNT', 0, `${variables} results, one per variable (Green Book 9.3 ReadResponse)`, `${results.length} results`);
  }
  return results;
}

export async function writeVariables(link: Link, items: readonly SnWriteItem[]): Promise<WriteOutcome> {
  const answer = await exchange(link, {
    type: 'write-request',
    variableAccessSpecification: items.map((i) => ({ kind: 'variable-name', variableName: i.variableName })),
    listOfData: items.map((i) => i.data),
  });
  if (answer.kind !== 'pdu') return answer;
  const apdu = answer.pdu;
  if (apdu.type !== 'write-response') return otherAnswer(apdu, 'write-response');
  const results = [];
  for (const r of apdu.results) {
    if (r.kind === 'block-number') return malformed(new DecodeError('XDLMS_UNEXPECTED_VARIANT', 1, 'success or data-access-error per variable', r.kind));
    results.push(r.kind === 'success' ? ({ kind: 'success' } as const) : ({ kind: 'data-access-result', result: nameText(r.error) } as const));
  }
  if (results.length !== items.length) {
    return malformed(
      new DecodeError('XDLMS_RESULT_COUNT', 1, `${items.length} results, one per variable (Green Book 9.3 WriteResponse)`, `${results.length} results`),
    );
  }
  return { kind: 'written', results };
}
