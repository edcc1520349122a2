/**
 * ACTION (Green Book 9.3.8, LN referencing): action-request-normal, with method parameters sent
 * in pblocks when the request would not fit the server's max receive PDU size and
 * block-transfer-with-action was negotiated (Green Book 9.4.6.x): action-request-with-first-pblock
 * then with-pblock, each block but the last acknowledged by action-response-next-pblock naming
 * it, the last answered by the action-response. Long return parameters come back in
 * action-response-with-pblock blocks (the A-XDR encoding of the return Data cut in DataBlock-SA):
 * the client asks for each next one with action-request-next-pblock naming the block received,
 * checks the numbers run 1, 2, 3, … until last-block, and decodes the joined data.
 */
import type { Data } from '../dlms/axdr/data';
import { decodeData, encodeDataBytes } from '../dlms/axdr/data-codec';
import { ByteReader } from '../dlms/bytes/reader';
import { concatBytes } from '../dlms/bytes/hex';
import { isDecodeError } from '../dlms/bytes/decode-error';
import { DecodeError } from '../dlms/bytes/decode-error';
import { sharedObis } from '../dlms/cosem/obis';
import { encodeApduBytes } from '../dlms/xdlms/apdu';
import type { ActionRequest, ActionResponse } from '../dlms/xdlms/action';
import type { CosemMethodDescriptor } from '../dlms/xdlms/descriptors';
import type { InvokeIdAndPriority } from '../dlms/xdlms/invoke-id';
import { nameText } from '../dlms/xdlms/named';
import type { ActionOutcome, MethodRef } from './api';
import { cutBlocks } from './blocks';
import { exchangeApdu, expectAnswer, failed, type ServiceContext } from './exchange';
import { entryOf } from './get-service';
import { malformed } from './outcomes';

/** The descriptor a request names; its logical name is the shared parse (requests only encode it). */
export function methodDescriptor(ref: MethodRef): CosemMethodDescriptor {
  return { classId: ref.classId, instanceId: sharedObis(ref.obis), methodId: ref.method };
}

/** A DUT that never sets last-block is stopped after this many blocks. */
const MAX_BLOCKS = 10_000;

/**
 * From an action-response-with-pblock on: every block in turn (action-request-next-pblock naming
 * the block received) until last-block, the joined raw data decoded as the return Data.
 */
async function fetchPblocks(
  sc: ServiceContext,
  first: Extract<ActionResponse, { variant: 'with-pblock' }>,
  invoke: InvokeIdAndPriority,
  sentBlocks: number,
): Promise<ActionOutcome> {
  const parts: Uint8Array[] = [];
  let block = first.pblock;
  for (let n = 1; ; n++) {
    if (block.blockNumber !== n) {
      return malformed(
        new DecodeError(
          'XDLMS_BLOCK_NUMBER',
          2,
          `action-response-with-pblock block-number ${n} (consecutive from 1, Green Book 9.4.6.x)`,
          `block-number ${block.blockNumber}`,
        ),
      );
    }
    parts.push(block.rawData);
    if (block.lastBlock) break;
    if (n >= MAX_BLOCKS) return malformed(new DecodeError('XDLMS_BLOCK_SEQUENCE', 0, `last-block within ${MAX_BLOCKS} blocks`, 'no last-block'));
    const answer = expectAnswer(
      await exchangeApdu(sc, { type: 'action-request', variant: 'next-pblock', invokeIdAndPriority: invoke, blockNumber: n }),
      'action-response',
      invoke,
    );
    if (failed(answer)) return answer;
    if (answer.variant !== 'with-pblock') return outcomeOf(answer, sentBlocks + n);
    block = answer.pblock;
  }
  const raw = concatBytes(...parts);
  try {
    const r = new ByteReader(raw);
    const data = decodeData(r);
    r.expectEnd('the return parameters carried in action-response pblocks');
    return { kind: 'action-result', result: 'success', returnData: { kind: 'data', data }, blocks: sentBlocks + parts.length };
  } catch (e) {
    if (isDecodeError(e)) return malformed(e);
    throw e;
  }
}

function outcomeOf(r: ActionResponse, blocks: number): ActionOutcome {
  if (r.variant !== 'normal') return malformed(new DecodeError('XDLMS_UNEXPECTED_VARIANT', 1, 'action-response-normal', `action-response-${r.variant}`));
  const { result, returnParameters } = r.singleResponse;
  return { kind: 'action-result', result: nameText(result), ...(returnParameters ? { returnData: entryOf(returnParameters) } : {}), blocks };
}

/** The answer to a whole request, its return parameters fetched when they come in pblocks. */
async function finish(sc: ServiceContext, r: ActionResponse, invoke: InvokeIdAndPriority, sentBlocks: number): Promise<ActionOutcome> {
  return r.variant === 'with-pblock' ? fetchPblocks(sc, r, invoke, sentBlocks) : outcomeOf(r, sentBlocks);
}

export async function invokeAction(sc: ServiceContext, ref: MethodRef, parameters: Data | undefined, invoke: InvokeIdAndPriority): Promise<ActionOutcome> {
  const method = methodDescriptor(ref);
  const whole: ActionRequest = {
    type: 'action-request',
    variant: 'normal',
    invokeIdAndPriority: invoke,
    method,
    ...(parameters === undefined ? {} : { methodInvocationParameters: parameters }),
  };
  const limit = sc.negotiated.serverMaxReceivePduSize;
  if (parameters === undefined || encodeApduBytes(whole).length <= limit || !sc.negotiated.conformance.includes('block-transfer-with-action')) {
    const answer = expectAnswer(await exchangeApdu(sc, whole), 'action-response', invoke);
    return failed(answer) ? answer : finish(sc, answer, invoke, 0);
  }
  const blocks = cutBlocks(encodeDataBytes(parameters), limit, (pblock) =>
    pblock.blockNumber === 1
      ? { type: 'action-request', variant: 'with-first-pblock', invokeIdAndPriority: invoke, method, pblock }
      : { type: 'action-request', variant: 'with-pblock', invokeIdAndPriority: invoke, pblock },
  );
  for (const [i, request] of blocks.entries()) {
    const answer = expectAnswer(await exchangeApdu(sc, request), 'action-response', invoke);
    if (failed(answer)) return answer;
    if (i < blocks.length - 1 && answer.variant === 'next-pblock') {
      if (answer.blockNumber !== i + 1) {
        return malformed(
          new DecodeError(
            'XDLMS_BLOCK_NUMBER',
            2,
            `action-response-next-pblock block-number ${i + 1} (the block sent, Green Book 9.4.6.x)`,
            `block-number ${answer.blockNumber}`,
          ),
        );
      }
      continue;
    }
    return finish(sc, answer, invoke, i + 1);
  }
  return malformed(new DecodeError('XDLMS_BLOCK_SEQUENCE', 0, 'an answer to the last pblock', 'none'));
}
