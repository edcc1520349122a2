import { expect } from 'chai';
import fc from 'fast-check';
import { fromHex } from '../bytes';
import { EncodeError } from '../axdr/encode-error';
import { encodeApduBytes } from './apdu';
import { arbGeneralBlockTransfer } from '../../test/support/dlms/xdlms/arbitrary';
import { expectRoundTrip, expectVector } from '../../test/support/dlms/xdlms/test-support';

describe('general-block-transfer', () => {
  it('splits block-control into last-block, streaming and window', () => {
    // E0, C1 last + streaming + window 1, 0002 block 2, 0001 ack 1, 03 AABBCC
    expectVector('E0 C1 0002 0001 03 AABBCC', {
      type: 'general-block-transfer',
      lastBlock: true,
      streaming: true,
      window: 1,
      blockNumber: 2,
      blockNumberAck: 1,
      blockData: fromHex('AABBCC'),
    });
  });

  it('refuses a window above 63', () => {
    const bad = {
      type: 'general-block-transfer' as const,
      lastBlock: false,
      streaming: false,
      window: 64,
      blockNumber: 0,
      blockNumberAck: 0,
      blockData: new Uint8Array(0),
    };
    expect(() => encodeApduBytes(bad)).to.throw(EncodeError);
  });

  it('round-trips every general-block-transfer', () => {
    fc.assert(fc.property(arbGeneralBlockTransfer(), expectRoundTrip), { seed: 42, numRuns: 200 });
  });
});
