import { expect } from 'chai';
import fc from 'fast-check';
import { concatBytes, fromHex, toHex } from '../dlms/bytes/hex';
import { feedChunks, merged, summary } from '../test/helpers/framer-events';
import { readRecording } from '../test/vectors/recording';
import type { FramerEvent } from './framer';
import { HdlcFramer } from './hdlc-framer';

const feedAll = (chunks: readonly Uint8Array[], framer = new HdlcFramer()): FramerEvent[] => feedChunks(framer, chunks);

// c_hdlc_none.trace lines 10-13: SNRM, UA, I (AARQ), I (AARE).
const recorded = readRecording('c_hdlc_none.trace')
  .slice(0, 4)
  .map((f) => f.bytes);
const [snrm, ua, aarq, aare] = recorded as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
const garbage = fromHex('0102A0'); // no flag in it

/**
 * A stream with everything a line carries: garbage before the first flag, a frame, fill flags,
 * two frames sharing one flag, and a last frame.
 */
const stream = concatBytes(garbage, snrm, fromHex('7E7E'), ua, aarq.subarray(1), aare);
const expected = [`discarded no-start ${toHex(garbage)}`, `frame ${toHex(snrm)}`, `frame ${toHex(ua)}`, `frame ${toHex(aarq)}`, `frame ${toHex(aare)}`];

describe('HDLC stream framer', () => {
  it('delivers a whole frame written at once, flags included', () => {
    expect(summary(new HdlcFramer().feed(snrm, 0))).to.deep.equal([`frame ${toHex(snrm)}`]);
  });

  it('reports garbage before the first flag as discarded, once', () => {
    expect(summary(feedAll([stream]))).to.deep.equal(expected);
  });

  it('gives a flag shared by back-to-back frames to both of them', () => {
    const shared = concatBytes(ua, aarq.subarray(1));
    expect(summary(new HdlcFramer().feed(shared, 0))).to.deep.equal([`frame ${toHex(ua)}`, `frame ${toHex(aarq)}`]);
  });

  it('finds the same frames at every split point of a multi-frame stream', () => {
    for (let cut = 0; cut <= stream.length; cut++) {
      const events = feedAll([stream.subarray(0, cut), stream.subarray(cut)]);
      expect(merged(events), `split at ${cut}`).to.deep.equal(expected);
    }
  });

  it('finds the same frames when the stream arrives a byte at a time', () => {
    const events = feedAll(Array.from(stream, (b) => Uint8Array.of(b)));
    expect(merged(events)).to.deep.equal(expected);
  });

  it('finds the same frames however the stream is chunked', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: stream.length }), { maxLength: 12 }), (cuts) => {
        const points = [0, ...[...cuts].sort((a, b) => a - b), stream.length];
        const chunks = points.slice(1).map((end, i) => stream.subarray(points[i], end));
        expect(merged(feedAll(chunks))).to.deep.equal(expected);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('drops a flag followed by something that is not a frame format field', () => {
    const events = new HdlcFramer().feed(concatBytes(fromHex('7E1234'), snrm), 0);
    expect(summary(events)).to.deep.equal(['discarded bad-header 7E1234', `frame ${toHex(snrm)}`]);
  });

  it('drops a frame whose length points at a byte that is not a flag, and finds the next frame', () => {
    // SNRM with its length field raised by one: byte 9 (the next frame's format byte) is no flag.
    const wrong = snrm.slice();
    wrong[2] = 8;
    const events = new HdlcFramer().feed(concatBytes(wrong, ua.subarray(1)), 0);
    expect(summary(events)).to.deep.equal([`discarded no-closing-flag ${toHex(wrong.subarray(0, -1))}`, `frame ${toHex(ua)}`]);
  });

  it('drops a frame announced longer than the maximum frame size without waiting for it', () => {
    const framer = new HdlcFramer({ maxFrameSize: 40 });
    expect(summary(framer.feed(aarq, 0))).to.deep.equal([`discarded too-long ${toHex(aarq.subarray(0, -1))}`]);
    expect(framer.pending).to.equal(1); // the closing flag stays as a possible opening flag
    expect(summary(framer.feed(snrm.subarray(1), 1))).to.deep.equal([`frame ${toHex(snrm)}`]);
  });

  it('drops an unfinished frame when the inter-byte timeout passes, at the deadline it reported', () => {
    const framer = new HdlcFramer({ interByteTimeoutMs: 200 });
    expect(framer.feed(aarq.subarray(0, 10), 1000)).to.deep.equal([]);
    expect(framer.deadline()).to.equal(1200);
    expect(framer.expire(1199)).to.deep.equal([]);
    expect(summary(framer.expire(1200))).to.deep.equal([`discarded timeout ${toHex(aarq.subarray(0, 10))}`]);
    expect(framer.deadline()).to.equal(undefined);
    expect(framer.pending).to.equal(0);
  });

  it('applies an overdue timeout before adding the next chunk', () => {
    const framer = new HdlcFramer({ interByteTimeoutMs: 200 });
    framer.feed(aarq.subarray(0, 10), 0);
    expect(summary(framer.feed(snrm, 500))).to.deep.equal([`discarded timeout ${toHex(aarq.subarray(0, 10))}`, `frame ${toHex(snrm)}`]);
  });

  it('recovers a real frame that a false header swallowed, when the timeout passes', () => {
    // 7E A0 50 claims 0x50 bytes; the SNRM that follows is held until the timeout proves the claim false.
    const framer = new HdlcFramer({ interByteTimeoutMs: 50 });
    expect(framer.feed(concatBytes(fromHex('7EA050'), snrm), 0)).to.deep.equal([]);
    expect(summary(framer.expire(50))).to.deep.equal(['discarded timeout 7EA050', `frame ${toHex(snrm)}`]);
  });

  it('never times out without a configured timeout, and holds no deadline for a lone closing flag', () => {
    const framer = new HdlcFramer();
    framer.feed(aarq.subarray(0, 5), 0);
    expect(framer.deadline()).to.equal(undefined);
    expect(framer.expire(1e12)).to.deep.equal([]);
    const timed = new HdlcFramer({ interByteTimeoutMs: 10 });
    timed.feed(snrm, 0);
    expect(timed.deadline()).to.equal(undefined);
  });

  it('forgets everything on reset', () => {
    const framer = new HdlcFramer();
    framer.feed(aarq.subarray(0, 5), 0);
    framer.reset();
    expect(framer.pending).to.equal(0);
    expect(summary(framer.feed(snrm, 1))).to.deep.equal([`frame ${toHex(snrm)}`]);
  });
});
