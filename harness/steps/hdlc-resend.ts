/**
 * `hdlc.resend: {}` — send the last I frame the client sent again, byte for byte: what a client
 * does when it believes its frame was lost (Green Book 8.4.4). The DUT must take it as a
 * retransmission, not as a new request; `expect.frame` judges its answer.
 */
import { isDecodeError } from '../../dlms/bytes/decode-error';
import { decodeFrame } from '../../dlms/hdlc/frame';
import { summarizeFrame } from '../../dlms/hdlc/describe';
import { HarnessFault } from '../engine/verdict';
import { rawAccess, rawView } from './hdlc-view';
import { defineStep } from './registry';

function isIFrame(bytes: Uint8Array): boolean {
  try {
    return decodeFrame(bytes).type === 'I';
  } catch (e) {
    if (isDecodeError(e)) return false;
    throw e;
  }
}

defineStep({
  name: 'hdlc.resend',
  description: 'Send the last I frame the client sent again, byte for byte (a retransmission)',
  schema: { type: 'object', properties: {} },
  async run(ctx) {
    const raw = rawAccess(ctx);
    rawView(ctx, raw.link());
    const last = [...ctx.client.trace].reverse().find((r) => r.dir === 'tx' && r.bytes !== undefined && isIFrame(r.bytes));
    if (!last?.bytes) throw new HarnessFault('hdlc.resend: the client has sent no I frame yet', 'harness', 'STEP_NOTHING_TO_RESEND');
    await raw.sendRawFrame(last.bytes, 'repeated, byte for byte');
    ctx.note(`sent again: ${summarizeFrame(decodeFrame(last.bytes))}`);
  },
});
