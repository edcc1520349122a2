/**
 * GET (Green Book 9.3.x, LN referencing): one request, and the transparent block transfer that
 * follows a get-response-with-datablock (get-request-next until last-block). Every answer is
 * checked for what the client itself relies on — the echoed invoke-id, consecutive block
 * numbers — and anything else is returned as an outcome for the harness to judge.
 */
import { ByteReader } from '../dlms/bytes/reader';
import { concatBytes } from '../dlms/bytes/hex';
import { DecodeError, isDecodeError } from '../dlms/bytes/decode-error';
import { decodeData } from '../dlms/axdr/data-codec';
import { parseObis } from '../dlms/cosem/obis';
import { decodeApduBytes, encodeApduBytes, type Apdu } from '../dlms/xdlms/apdu';
import type { InvokeIdAndPriority } from '../dlms/xdlms/invoke-id';
import { nameText } from '../dlms/xdlms/named';
import type { AttributeRef, GetOutcome } from './api';
import type { Link } from './link';
import { decodeArrival } from './answer';
import { malformed, otherAnswer } from './outcomes';

/** A DUT that never sets last-block is stopped after this many blocks. */
const MAX_BLOCKS = 10_000;

export async function getAttribute(link: Link, ref: AttributeRef, invoke: InvokeIdAndPriority): Promise<GetOutcome> {
  const request: Apdu = {
    type: 'get-request',
    variant: 'normal',
    invokeIdAndPriority: invoke,
    attribute: { classId: ref.classId, instanceId: parseObis(ref.obis), attributeId: ref.attribute },
    ...(ref.selector ? { accessSelection: { accessSelector: ref.selector.selector, accessParameters: ref.selector.parameters } } : {}),
  };
  let answer = await decodeArrival(await link.exchange(encodeApduBytes(request)), decodeApduBytes);
  const parts: Uint8Array[] = [];
  let expectedBlock = 1;
  for (;;) {
    if (answer.kind !== 'pdu') return answer;
    const apdu = answer.pdu;
    if (apdu.type !== 'get-response') return otherAnswer(apdu, 'get-response');
    if (apdu.invokeIdAndPriority.invokeId !== invoke.invokeId) {
      return malformed(new DecodeError('XDLMS_INVOKE_ID_MISMATCH', 1, `invoke-id ${invoke.invokeId} echoed (Green Book 9.3, Invoke-Id-And-Priority)`, `invoke-id ${apdu.invokeIdAndPriority.invokeId}`));
    }
    if (apdu.variant === 'normal') {
      if (parts.length > 0) return malformed(new DecodeError('XDLMS_BLOCK_SEQUENCE', 1, `get-response-with-datablock block ${expectedBlock}`, 'get-response-normal'));
      const r = apdu.result;
      return r.kind === 'data' ? { kind: 'data', data: r.data, blocks: 0 } : { kind: 'data-access-result', result: nameText(r.result) };
    }
    if (apdu.variant !== 'with-datablock') return malformed(new DecodeError('XDLMS_UNEXPECTED_VARIANT', 1, 'get-response normal or with-datablock', apdu.variant));
    const block = apdu.result;
    if (block.blockNumber !== expectedBlock) {
      return malformed(new DecodeError('XDLMS_BLOCK_NUMBER', 3, `block-number ${expectedBlock} (consecutive from 1, Green Book 9.3 block transfer)`, `block-number ${block.blockNumber}`));
    }
    if (block.result.kind === 'data-access-result') return { kind: 'data-access-result', result: nameText(block.result.result) };
    parts.push(block.result.rawData);
    if (block.lastBlock) return decodeBlocks(parts);
    if (expectedBlock >= MAX_BLOCKS) return malformed(new DecodeError('XDLMS_TOO_MANY_BLOCKS', 3, `last-block within ${MAX_BLOCKS} blocks`, 'more blocks'));
    const next: Apdu = { type: 'get-request', variant: 'next', invokeIdAndPriority: invoke, blockNumber: expectedBlock };
    expectedBlock++;
    answer = await decodeArrival(await link.exchange(encodeApduBytes(next)), decodeApduBytes);
  }
}

function decodeBlocks(parts: readonly Uint8Array[]): GetOutcome {
  const raw = concatBytes(...parts);
  try {
    const r = new ByteReader(raw);
    const data = decodeData(r);
    r.expectEnd('the data carried in get-response-with-datablock');
    return { kind: 'data', data, blocks: parts.length };
  } catch (e) {
    if (isDecodeError(e)) return malformed(e);
    throw e;
  }
}
