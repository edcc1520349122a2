/**
 * General block transfer (Green Book 9.3.x GBT; `general-block-transfer` in the conformance
 * block), client side, window 1 without streaming. When the association negotiated GBT, every
 * confirmed LN request goes in general-block-transfer APDUs: the request cut into blocks
 * numbered 1, 2, 3, … (each no longer than the server's max receive PDU size, the last flagged
 * last-block), each block but the last acknowledged by the server with an empty block whose
 * block-number-ack names it; then the response comes the same way, one block at a time, the
 * client acknowledging each block but the last with an empty block (block-number-ack = the
 * block received) until last-block. The client checks the numbers it relies on — consecutive
 * from 1, the acks naming the block sent — and decodes the joined response.
 */
import { DecodeError } from '../dlms/bytes/decode-error';
import { concatBytes } from '../dlms/bytes/hex';
import { decodeApduBytes, encodeApduBytes, type Apdu } from '../dlms/xdlms/apdu';
import type { GeneralBlockTransfer } from '../dlms/xdlms/block-transfer';
import { decodeArrival, type Answer } from './answer';
import { clientLimit, decodeChecked, isNotification, type ServiceContext } from './exchange';
import { malformed } from './outcomes';

/** Tag, block-control, block-number, block-number-ack, and up to 3 length octets of block-data. */
const GBT_OVERHEAD = 1 + 1 + 2 + 2 + 3;
/** Window 1: one block, then an acknowledgement (no streaming). */
const WINDOW = 1;
/** A DUT that never sets last-block is stopped after this many blocks. */
const MAX_BLOCKS = 10_000;

function gbt(blockNumber: number, blockNumberAck: number, lastBlock: boolean, blockData: Uint8Array): GeneralBlockTransfer {
  return { type: 'general-block-transfer', lastBlock, streaming: false, window: WINDOW, blockNumber, blockNumberAck, blockData };
}

/** The request cut into block-data no longer than the server receives with the GBT header. */
export function cutGbt(request: Uint8Array, serverMax: number): Uint8Array[] {
  const size = Math.max(1, serverMax - GBT_OVERHEAD);
  const out: Uint8Array[] = [];
  for (let at = 0; at < request.length; at += size) out.push(request.subarray(at, Math.min(request.length, at + size)));
  return out.length === 0 ? [request] : out;
}

/**
 * Sends one GBT APDU and returns the first answer that is not a notification: a
 * general-block-transfer, or any other APDU (an exception-response, say) for the service to judge.
 */
async function step(sc: ServiceContext, block: GeneralBlockTransfer): Promise<GeneralBlockTransfer | Answer<Apdu>> {
  const started = performance.now();
  let answer = decodeChecked(await sc.link.exchange(encodeApduBytes(block)), sc.negotiated);
  while (answer.kind === 'pdu' && isNotification(answer.pdu)) {
    sc.notified(answer.pdu);
    const left = Math.max(0, sc.responseTimeoutMs - (performance.now() - started));
    answer = decodeChecked(await sc.link.receive(left), sc.negotiated);
  }
  return answer.kind === 'pdu' && answer.pdu.type === 'general-block-transfer' ? answer.pdu : answer;
}

const isBlock = (x: GeneralBlockTransfer | Answer<Apdu>): x is GeneralBlockTransfer => 'type' in x;

/** `request` sent by GBT; the reassembled response decoded, or what ended the transfer. */
export async function exchangeGbt(sc: ServiceContext, request: Apdu): Promise<Answer<Apdu>> {
  const blocks = cutGbt(encodeApduBytes(request), sc.negotiated.serverMaxReceivePduSize);
  let sent = 0;
  let answer: Awaited<ReturnType<typeof step>> | undefined;
  for (const [i, data] of blocks.entries()) {
    sent = i + 1;
    const last = sent === blocks.length;
    answer = await step(sc, gbt(sent, 0, last, data));
    if (!isBlock(answer)) return answer;
    if (last) break;
    if (answer.blockData.length !== 0 || answer.blockNumberAck !== sent) {
      return malformed(
        new DecodeError(
          'XDLMS_GBT_ACK',
          0,
          `an empty general-block-transfer acknowledging block ${sent} (Green Book 9.3.x GBT)`,
          `block-number-ack ${answer.blockNumberAck} with ${answer.blockData.length} octets of block-data`,
        ),
      );
    }
  }
  const parts: Uint8Array[] = [];
  for (let n = 1; ; n++) {
    if (!answer || !isBlock(answer)) return answer ?? malformed(new DecodeError('XDLMS_GBT_SEQUENCE', 0, 'a general-block-transfer answer', 'none'));
    if (answer.blockNumber !== n) {
      return malformed(
        new DecodeError(
          'XDLMS_BLOCK_NUMBER',
          2,
          `general-block-transfer block-number ${n} (consecutive from 1, Green Book 9.3.x GBT)`,
          `block-number ${answer.blockNumber}`,
        ),
      );
    }
    parts.push(answer.blockData);
    if (answer.lastBlock) break;
    if (n >= MAX_BLOCKS) return malformed(new DecodeError('XDLMS_BLOCK_SEQUENCE', 0, `last-block within ${MAX_BLOCKS} blocks`, 'no last-block'));
    sent += 1;
    answer = await step(sc, gbt(sent, n, false, new Uint8Array(0)));
  }
  // The joined response may be longer than one APDU the client receives: that is what GBT is for.
  return decodeArrival({ kind: 'apdu', bytes: concatBytes(...parts) }, decodeApduBytes);
}

/** True when the association negotiated GBT: then every confirmed LN request goes by it. */
export function usesGbt(sc: ServiceContext): boolean {
  return sc.negotiated.conformance.includes('general-block-transfer') && clientLimit(sc.negotiated) > GBT_OVERHEAD;
}
