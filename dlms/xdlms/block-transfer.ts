import { ByteReader, ByteWriter } from '../bytes';
import { EncodeError } from '../axdr/encode-error';
import { readOctetString, writeOctetString, writeU16 } from './axdr-fields';

/**
 * General-Block-Transfer [224] (Green Book 9.3.x GBT): any APDU cut into blocks, with
 * acknowledgement and streaming. Block-Control (Unsigned8): bit 7 last-block, bit 6 streaming,
 * bits 0-5 window. The block data is opaque here: the association layer reassembles it.
 */
export interface GeneralBlockTransfer {
  readonly type: 'general-block-transfer';
  readonly lastBlock: boolean;
  readonly streaming: boolean;
  readonly window: number; // 0..63
  readonly blockNumber: number; // Unsigned16
  readonly blockNumberAck: number; // Unsigned16
  readonly blockData: Uint8Array;
}

const LAST_BLOCK_BIT = 0x80;
const STREAMING_BIT = 0x40;
const WINDOW_MASK = 0x3f;

export function decodeGeneralBlockTransfer(r: ByteReader): GeneralBlockTransfer {
  const control = r.u8('block-control');
  const blockNumber = r.u16('block-number');
  const blockNumberAck = r.u16('block-number-ack');
  return {
    type: 'general-block-transfer',
    lastBlock: (control & LAST_BLOCK_BIT) !== 0,
    streaming: (control & STREAMING_BIT) !== 0,
    window: control & WINDOW_MASK,
    blockNumber,
    blockNumberAck,
    blockData: readOctetString(r, 'block-data'),
  };
}

export function encodeGeneralBlockTransfer(w: ByteWriter, v: GeneralBlockTransfer): void {
  if (!Number.isInteger(v.window) || v.window !== (v.window & WINDOW_MASK)) {
    throw new EncodeError('XDLMS_VALUE_OUT_OF_RANGE', 'general-block-transfer.window', '0..63', String(v.window));
  }
  w.u8((v.lastBlock ? LAST_BLOCK_BIT : 0) | (v.streaming ? STREAMING_BIT : 0) | v.window);
  writeU16(w, v.blockNumber, 'general-block-transfer.block-number');
  writeU16(w, v.blockNumberAck, 'general-block-transfer.block-number-ack');
  writeOctetString(w, v.blockData);
}
