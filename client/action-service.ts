/**
 * ACTION (Green Book 9.3.8, LN referencing): action-request-normal, with method parameters sent
 * in pblocks when the request would not fit the server's max receive PDU size and
 * block-transfer-with-action was negotiated (Green Book 9.4.6.x): action-request-with-first-pblock
 * then with-pblock, each block but the last acknowledged by action-response-next-pblock naming
 * it, the last answered by the action-response. Long return parameters (action-response-with-pblock)
 * are not fetched: the outcome says so as malformed with XDLMS_UNSUPPORTED_VARIANT.
 */
import type { Data } from '../dlms/axdr/data';
import { encodeDataBytes } from '../dlms/axdr/data-codec';
import { DecodeError } from '../dlms/bytes/decode-error';
import { parseObis } from '../dlms/cosem/obis';
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

export function methodDescriptor(ref: MethodRef): CosemMethodDescriptor {
  return { classId: ref.classId, instanceId: parseObis(ref.obis), methodId: ref.method };
}

function outcomeOf(r: ActionResponse, blocks: number): ActionOutcome {
  if (r.variant !== 'normal') {
    const code = r.variant === 'with-pblock' ? 'XDLMS_UNSUPPORTED_VARIANT' : 'XDLMS_UNEXPECTED_VARIANT';
    return malformed(new DecodeError(code, 1, 'action-response-normal', `action-response-${r.variant}`));
  }
  const { result, returnParameters } = r.singleResponse;
  return { kind: 'action-result', result: nameText(result), ...(returnParameters ? { returnData: entryOf(returnParameters) } : {}), blocks };
}

export async function invokeAction(sc: ServiceContext, ref: MethodRef, parameters: Data | undefined, invoke: InvokeIdAndPriority): Promise<ActionOutcome> {
  const method = methodDescriptor(ref);
  const whole: ActionRequest = { type: 'action-request', variant: 'normal', invokeIdAndPriority: invoke, method, ...(parameters === undefined ? {} : { methodInvocationParameters: parameters }) };
  const limit = sc.negotiated.serverMaxReceivePduSize;
  if (parameters === undefined || encodeApduBytes(whole).length <= limit || !sc.negotiated.conformance.includes('block-transfer-with-action')) {
    const answer = expectAnswer(await exchangeApdu(sc, whole), 'action-response', invoke);
    return failed(answer) ? answer : outcomeOf(answer, 0);
  }
  const blocks = cutBlocks(encodeDataBytes(parameters), limit, (pblock) =>
    pblock.blockNumber === 1 ? { type: 'action-request', variant: 'with-first-pblock', invokeIdAndPriority: invoke, method, pblock } : { type: 'action-request', variant: 'with-pblock', invokeIdAndPriority: invoke, pblock },
  );
  for (const [i, request] of blocks.entries()) {
    const answer = expectAnswer(await exchangeApdu(sc, request), 'action-response', invoke);
    if (failed(answer)) return answer;
    if (i < blocks.length - 1 && answer.variant === 'next-pblock') {
      if (answer.blockNumber !== i + 1) {
        return malformed(new DecodeError('XDLMS_BLOCK_NUMBER', 2, `action-response-next-pblock block-number ${i + 1} (the block sent, Green Book 9.4.6.x)`, `block-number ${answer.blockNumber}`));
      }
      continue;
    }
    return outcomeOf(answer, i + 1);
  }
  return malformed(new DecodeError('XDLMS_BLOCK_SEQUENCE', 0, 'an answer to the last pblock', 'none'));
}
