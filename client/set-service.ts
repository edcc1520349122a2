/**
 * SET (Green Book 9.3.7, LN referencing): normal and with-list, and block transfer towards the
 * server when the request would not fit the server's max receive PDU size and
 * block-transfer-with-set-or-write was negotiated (Green Book 9.4.6.x): the encoded value is cut
 * so that every set-request-with-(first-)datablock fits, each block acknowledged by
 * set-response-datablock naming it, the last answered by set-response-last-datablock(-with-list).
 * A value too long with no block transfer negotiated is sent whole: what the DUT does with it
 * is for the harness to judge.
 */
import type { Data } from '../dlms/axdr/data';
import { encodeDataBytes } from '../dlms/axdr/data-codec';
import { ByteWriter } from '../dlms/bytes';
import { DecodeError } from '../dlms/bytes/decode-error';
import { encodeApduBytes } from '../dlms/xdlms/apdu';
import { writeSequenceOf } from '../dlms/xdlms/axdr-fields';
import type { InvokeIdAndPriority } from '../dlms/xdlms/invoke-id';
import { nameText } from '../dlms/xdlms/named';
import type { DataBlockSA } from '../dlms/xdlms/results';
import type { SetRequest, SetResponse } from '../dlms/xdlms/set';
import type { AttributeRef, SetListOutcome, SetOutcome, ServiceFailure } from './api';
import { exchangeApdu, expectAnswer, failed, type ServiceContext } from './exchange';
import { attributeWithSelection } from './get-service';
import { malformed } from './outcomes';
import { cutBlocks } from './blocks';

type Finished = { readonly response: SetResponse; readonly blocks: number } | ServiceFailure;

/**
 * Sends a SET request, in blocks when it must: `whole` is the request in one APDU, `first`
 * builds the first-block form around a block. The response that ends the exchange.
 */
async function send(
  sc: ServiceContext,
  invoke: InvokeIdAndPriority,
  whole: SetRequest,
  raw: Uint8Array,
  first: (block: DataBlockSA) => SetRequest,
): Promise<Finished> {
  const limit = sc.negotiated.serverMaxReceivePduSize;
  const fits = encodeApduBytes(whole).length <= limit;
  if (fits || !sc.negotiated.conformance.includes('block-transfer-with-set-or-write')) {
    const answer = expectAnswer(await exchangeApdu(sc, whole), 'set-response', invoke);
    return failed(answer) ? answer : { response: answer, blocks: 0 };
  }
  const blocks = cutBlocks(raw, limit, (b) =>
    b.blockNumber === 1 ? first(b) : { type: 'set-request', variant: 'with-datablock', invokeIdAndPriority: invoke, datablock: b },
  );
  for (const [i, request] of blocks.entries()) {
    const answer = expectAnswer(await exchangeApdu(sc, request), 'set-response', invoke);
    if (failed(answer)) return answer;
    const last = i === blocks.length - 1;
    if (!last && answer.variant === 'datablock') {
      if (answer.blockNumber !== i + 1) {
        return malformed(
          new DecodeError(
            'XDLMS_BLOCK_NUMBER',
            2,
            `set-response-datablock block-number ${i + 1} (the block sent, Green Book 9.4.6.x)`,
            `block-number ${answer.blockNumber}`,
          ),
        );
      }
      continue;
    }
    // The last block's answer, or the server ending the transfer early: the response says how.
    return { response: answer, blocks: i + 1 };
  }
  return malformed(new DecodeError('XDLMS_BLOCK_SEQUENCE', 0, 'an answer to the last block', 'none'));
}

export async function setAttribute(sc: ServiceContext, ref: AttributeRef, value: Data, invoke: InvokeIdAndPriority): Promise<SetOutcome> {
  const target = attributeWithSelection(ref);
  const whole: SetRequest = { type: 'set-request', variant: 'normal', invokeIdAndPriority: invoke, ...target, value };
  const done = await send(sc, invoke, whole, encodeDataBytes(value), (datablock) => ({
    type: 'set-request',
    variant: 'with-first-datablock',
    invokeIdAndPriority: invoke,
    ...target,
    datablock,
  }));
  if (!('response' in done)) return done;
  const r = done.response;
  if (r.variant === 'normal' || r.variant === 'last-datablock') return { kind: 'set-result', result: nameText(r.result), blocks: done.blocks };
  return malformed(
    new DecodeError('XDLMS_UNEXPECTED_VARIANT', 1, done.blocks > 0 ? 'set-response-last-datablock' : 'set-response-normal', `set-response-${r.variant}`),
  );
}

export async function setWithList(
  sc: ServiceContext,
  refs: readonly AttributeRef[],
  values: readonly Data[],
  invoke: InvokeIdAndPriority,
): Promise<SetListOutcome> {
  const attributes = refs.map(attributeWithSelection);
  const whole: SetRequest = { type: 'set-request', variant: 'with-list', invokeIdAndPriority: invoke, attributes, values };
  // Green Book 9.4.6.x: the blocks of a with-list SET carry the encoded SEQUENCE OF Data.
  const w = new ByteWriter();
  writeSequenceOf(w, values, (x, v) => x.bytes(encodeDataBytes(v)));
  const done = await send(sc, invoke, whole, w.finish(), (datablock) => ({
    type: 'set-request',
    variant: 'with-list-and-first-datablock',
    invokeIdAndPriority: invoke,
    attributes,
    datablock,
  }));
  if (!('response' in done)) return done;
  const r = done.response;
  if (r.variant !== 'with-list' && r.variant !== 'last-datablock-with-list') {
    return malformed(new DecodeError('XDLMS_UNEXPECTED_VARIANT', 1, 'set-response with-list or last-datablock-with-list', `set-response-${r.variant}`));
  }
  if (r.result.length !== refs.length) {
    return malformed(new DecodeError('XDLMS_LIST_LENGTH', 3, `${refs.length} results, one per attribute (Green Book 9.3.7)`, `${r.result.length} results`));
  }
  return { kind: 'set-results', results: r.result.map(nameText), blocks: done.blocks };
}
