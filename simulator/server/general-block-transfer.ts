/**
 * General block transfer (Green Book 9.3.x GBT; `general-block-transfer` in the conformance
 * block), server side, window 1 without streaming: any APDU may come cut into
 * general-block-transfer blocks numbered from 1, the last flagged; the server acknowledges each
 * block but the last with an empty block (block-number-ack = the block received), and answers
 * the reassembled request with its response cut the same way: it sends one block, the client
 * acknowledges it with an empty block, and so on until the last.
 */
import { concatBytes } from '../../dlms/bytes';
import { encodeApduBytes } from '../../dlms/xdlms/apdu';
import type { GeneralBlockTransfer } from '../../dlms/xdlms/block-transfer';

/** Tag, block-control, block-number, block-number-ack, and up to 3 length bytes of block-data. */
const GBT_OVERHEAD = 1 + 1 + 2 + 2 + 3;

export interface GbtState {
  /** Blocks of a request received so far. */
  readonly rx: readonly Uint8Array[];
  /** The response being sent, and how many of its blocks went out. */
  readonly tx: readonly Uint8Array[];
  readonly sent: number;
}

export const GBT_IDLE: GbtState = { rx: [], tx: [], sent: 0 };

export interface GbtOutcome {
  readonly apdu: Uint8Array | undefined;
  readonly state: GbtState;
}

function block(number: number, ack: number, last: boolean, data: Uint8Array): Uint8Array {
  const gbt: GeneralBlockTransfer = {
    type: 'general-block-transfer',
    lastBlock: last,
    streaming: false,
    window: 1,
    blockNumber: number,
    blockNumberAck: ack,
    blockData: data,
  };
  return encodeApduBytes(gbt);
}

/**
 * One GBT APDU in. `serve` answers a reassembled inner APDU (as if it had come on its own);
 * `limit` is the largest APDU the client receives.
 */
export function serveGbt(request: GeneralBlockTransfer, state: GbtState, limit: number, serve: (inner: Uint8Array) => Uint8Array | undefined): GbtOutcome {
  // An empty block acknowledges the last block the server sent: send the next one.
  if (request.blockData.length === 0 && !request.lastBlock) {
    if (state.sent === 0 || request.blockNumberAck !== state.sent || state.sent >= state.tx.length) return { apdu: undefined, state: GBT_IDLE };
    const n = state.sent + 1;
    return { apdu: block(n, request.blockNumber, n === state.tx.length, state.tx[n - 1]!), state: { ...state, sent: n } };
  }
  // Blocks of a request are numbered from 1, each one more than the last: anything else starts over.
  if (request.blockNumber !== state.rx.length + 1) return { apdu: undefined, state: GBT_IDLE };
  const rx = [...state.rx, request.blockData];
  if (!request.lastBlock) return { apdu: block(0, request.blockNumber, false, new Uint8Array(0)), state: { rx, tx: [], sent: 0 } };
  const response = serve(concatBytes(...rx));
  if (response === undefined) return { apdu: undefined, state: GBT_IDLE };
  const size = Math.max(1, limit - GBT_OVERHEAD);
  const tx: Uint8Array[] = [];
  for (let at = 0; at < response.length; at += size) tx.push(response.subarray(at, Math.min(response.length, at + size)));
  if (tx.length === 0) tx.push(response);
  return { apdu: block(1, request.blockNumber, tx.length === 1, tx[0]!), state: { rx: [], tx, sent: 1 } };
}
