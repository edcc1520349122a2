import { expect } from 'chai';
import fc from 'fast-check';
import { DecodeError } from '../bytes/decode-error';
import { toHex } from '../bytes/hex';
import { addSegment, EMPTY_REASSEMBLY, splitSegments, type Reassembly } from './segments';

describe('HDLC segmentation', () => {
  it('splits a payload into full fields with S set and a last one with S clear', () => {
    const payload = Uint8Array.from({ length: 300 }, (_, i) => i & 0xff);
    const segs = splitSegments(payload, 128);
    expect(segs.map((s) => [s.info.length, s.segmented])).to.deep.equal([
      [128, true],
      [128, true],
      [44, false],
    ]);
  });

  it('sends a payload of exactly the maximum in one unsegmented frame', () => {
    expect(splitSegments(new Uint8Array(128), 128).map((s) => s.segmented)).to.deep.equal([false]);
  });

  it('sends an empty payload as one empty field', () => {
    expect(splitSegments(new Uint8Array(0), 128)).to.have.length(1);
  });

  it('refuses a non-positive maximum as a programming error', () => {
    expect(() => splitSegments(new Uint8Array(3), 0)).to.throw(RangeError);
  });

  it('joins segments until one without the S bit, then starts over', () => {
    let r: Reassembly = EMPTY_REASSEMBLY;
    const a = addSegment(r, { info: Uint8Array.of(1, 2), segmented: true });
    expect(a.kind).to.equal('partial');
    r = a.reassembly;
    const b = addSegment(r, { info: Uint8Array.of(3), segmented: false });
    expect(b.kind).to.equal('complete');
    if (b.kind === 'complete') expect(toHex(b.message)).to.equal('010203');
    expect(b.reassembly).to.equal(EMPTY_REASSEMBLY);
  });

  it("delivers a message that came in one frame as that frame's information field, without a copy", () => {
    const info = Uint8Array.of(0xe6, 0xe7, 0x00);
    const r = addSegment(EMPTY_REASSEMBLY, { info, segmented: false });
    expect(r.kind === 'complete' && r.message).to.equal(info);
  });

  it('refuses to grow a message past its bound', () => {
    const r = addSegment(EMPTY_REASSEMBLY, { info: new Uint8Array(10), segmented: true }, 16).reassembly;
    try {
      addSegment(r, { info: new Uint8Array(10), segmented: true }, 16);
      expect.fail('no error');
    } catch (e) {
      expect(e).to.be.instanceOf(DecodeError);
      expect((e as DecodeError).code).to.equal('HDLC_REASSEMBLY_OVERFLOW');
      expect((e as DecodeError).offset).to.equal(10);
    }
  });

  it('reassembles whatever it split', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1000 }), fc.integer({ min: 1, max: 300 }), (payload, max) => {
        let r: Reassembly = EMPTY_REASSEMBLY;
        const done: Uint8Array[] = [];
        for (const s of splitSegments(payload, max)) {
          expect(s.info.length).to.be.at.most(max);
          const res = addSegment(r, s);
          r = res.reassembly;
          if (res.kind === 'complete') done.push(res.message);
        }
        expect(done.map((m) => toHex(m))).to.deep.equal([toHex(payload)]);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
