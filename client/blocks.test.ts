import { expect } from 'chai';
import fc from 'fast-check';
import { concatBytes } from '../dlms/bytes/hex';
import { encodeApduBytes, type Apdu } from '../dlms/xdlms/apdu';
import { parseObis } from '../dlms/cosem/obis';
import type { DataBlockSA } from '../dlms/xdlms/results';
import { cutBlocks } from './blocks';

const INVOKE = { invokeId: 1, serviceClass: 'confirmed', priority: 'high' } as const;
const ATTRIBUTE = { classId: 1, instanceId: parseObis('0-0:128.0.1.255'), attributeId: 2 };

function setBlocks(raw: Uint8Array, limit: number): Apdu[] {
  return cutBlocks(raw, limit, (datablock: DataBlockSA) =>
    datablock.blockNumber === 1
      ? { type: 'set-request', variant: 'with-first-datablock', invokeIdAndPriority: INVOKE, attribute: ATTRIBUTE, datablock }
      : { type: 'set-request', variant: 'with-datablock', invokeIdAndPriority: INVOKE, datablock },
  );
}

const blockOf = (a: Apdu): DataBlockSA => {
  if (a.type !== 'set-request' || (a.variant !== 'with-first-datablock' && a.variant !== 'with-datablock')) throw new Error('not a SET block');
  return a.datablock;
};

describe('cutting a value into SET/ACTION blocks (Green Book 9.4.6.x)', () => {
  it('keeps every request within the server max receive PDU size, numbers blocks from 1 and flags only the last', () => {
    const raw = Uint8Array.from({ length: 803 }, (_, i) => i & 0xff);
    const blocks = setBlocks(raw, 256);
    expect(blocks.length).to.equal(4);
    for (const b of blocks) expect(encodeApduBytes(b).length).to.be.at.most(256);
    expect(blocks.map((b) => blockOf(b).blockNumber)).to.deep.equal([1, 2, 3, 4]);
    expect(blocks.map((b) => blockOf(b).lastBlock)).to.deep.equal([false, false, false, true]);
    expect(concatBytes(...blocks.map((b) => blockOf(b).rawData))).to.deep.equal(raw);
  });

  it('sends one last block for an empty value, and still ends when the limit leaves no room', () => {
    expect(setBlocks(new Uint8Array(0), 256).map((b) => blockOf(b).lastBlock)).to.deep.equal([true]);
    expect(setBlocks(Uint8Array.of(1, 2, 3), 5)).to.have.length(3);
  });

  it('joins back to the value and fits the limit for any value and limit (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.integer({ min: 40, max: 2048 }), (raw, limit) => {
        const blocks = setBlocks(raw, limit);
        expect(concatBytes(...blocks.map((b) => blockOf(b).rawData))).to.deep.equal(raw);
        for (const b of blocks) expect(encodeApduBytes(b).length).to.be.at.most(limit);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
