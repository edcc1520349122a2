/**
 * Cutting a value into DataBlock-SA blocks for SET and ACTION (Green Book 9.4.6.x block
 * transfer towards the server): each request APDU, block header and all, no longer than the
 * server's max receive PDU size. The header size is measured by encoding the request around an
 * empty block, plus the two octets the raw-data length grows by past 127 bytes (A-XDR length).
 */
import { encodeApduBytes, type Apdu } from '../dlms/xdlms/apdu';
import type { DataBlockSA } from '../dlms/xdlms/results';

const LENGTH_GROWTH = 2;

export function cutBlocks(raw: Uint8Array, limit: number, build: (block: DataBlockSA) => Apdu): Apdu[] {
  const overhead = (blockNumber: number): number =>
    encodeApduBytes(build({ lastBlock: false, blockNumber, rawData: new Uint8Array(0) })).length + LENGTH_GROWTH;
  const out: Apdu[] = [];
  let at = 0;
  for (let n = 1; at < raw.length || n === 1; n++) {
    // At least one byte a block, so a limit too small still ends (the server then refuses the blocks).
    const size = Math.max(1, limit - overhead(n));
    const end = Math.min(raw.length, at + size);
    out.push(build({ lastBlock: end >= raw.length, blockNumber: n, rawData: raw.subarray(at, end) }));
    at = end;
  }
  return out;
}
