import { expect } from 'chai';
import fc from 'fast-check';
import { concatBytes, fromHex, toHex } from '../dlms/bytes/hex';
import { feedChunks, merged } from '../test/helpers/framer-events';
import { readRecording } from '../test/vectors/recording';
import type { FramerEvent } from './framer';
import { WrapperFramer } from './wrapper-framer';

const feedAll = (chunks: readonly Uint8Array[], framer = new WrapperFramer()): FramerEvent[] => feedChunks(framer, chunks);

// c_wrapper_gmac.trace lines 12-15: AARQ, AARE and the first ciphered GET exchange.
const pdus = readRecording('c_wrapper_gmac.trace')
  .slice(0, 4)
  .map((f) => f.bytes);
const junk = fromHex('FF0002');
const stream = concatBytes(junk, ...pdus);
const expected = [`discarded no-start ${toHex(junk)}`, ...pdus.map((p) => `frame ${toHex(p)}`)];

describe('wrapper stream framer', () => {
  it('delivers back-to-back PDUs written at once', () => {
    expect(merged(feedAll([concatBytes(...pdus)]))).to.deep.equal(pdus.map((p) => `frame ${toHex(p)}`));
  });

  it('finds the same PDUs at every split point of a multi-PDU stream', () => {
    for (let cut = 0; cut <= stream.length; cut++) {
      expect(merged(feedAll([stream.subarray(0, cut), stream.subarray(cut)])), `split at ${cut}`).to.deep.equal(expected);
    }
  });

  it('finds the same PDUs a byte at a time and however the stream is chunked', () => {
    expect(merged(feedAll(Array.from(stream, (b) => Uint8Array.of(b))))).to.deep.equal(expected);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: stream.length }), { maxLength: 12 }), (cuts) => {
        const points = [0, ...[...cuts].sort((a, b) => a - b), stream.length];
        expect(merged(feedAll(points.slice(1).map((end, i) => stream.subarray(points[i], end))))).to.deep.equal(expected);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('skips a PDU announced longer than the maximum size, header and APDU, then goes on', () => {
    const framer = new WrapperFramer({ maxFrameSize: 64 });
    const big = concatBytes(fromHex('0001000100010050'), new Uint8Array(0x50).fill(0x01));
    const small = fromHex('0001000100010002C001');
    const events = feedAll([big.subarray(0, 30), concatBytes(big.subarray(30), small)], framer);
    expect(merged(events)).to.deep.equal([`discarded too-long ${toHex(big)}`, `frame ${toHex(small)}`]);
  });

  it('drops an unfinished PDU when the inter-byte timeout passes', () => {
    const framer = new WrapperFramer({ interByteTimeoutMs: 100 });
    const first = pdus[0] as Uint8Array;
    framer.feed(first.subarray(0, 20), 0);
    expect(framer.deadline()).to.equal(100);
    const events = framer.expire(100);
    expect(events.every((e) => e.type === 'discarded' && e.reason === 'timeout')).to.equal(true);
    expect(toHex(concatBytes(...events.map((e) => e.bytes)))).to.equal(toHex(first.subarray(0, 20)));
    expect(framer.pending).to.equal(0);
  });
});
