/**
 * The recorded HDLC conversation between Gurux's C client and meter (c_hdlc_none.trace,
 * provenance in its header) against our codec: an independent implementation's bytes, so a
 * mistake our encoder and decoder share cannot hide behind a round trip.
 */
import { expect } from 'chai';
import { concatBytes, toHex } from '../../dlms/bytes/hex';
import { isDecodeError } from '../../dlms/bytes/decode-error';
import { describeFrameBytes } from '../../dlms/hdlc/describe';
import { decodeFrame, encodeFrame, frameInfo } from '../../dlms/hdlc/frame';
import { stripLlc } from '../../dlms/hdlc/llc';
import { parametersOfInfo, settingsOf } from '../../dlms/hdlc/parameters';
import { HdlcFramer } from '../../drivers/hdlc-framer';
import { readRecording } from './recording';

const frames = readRecording('c_hdlc_none.trace');

describe('c_hdlc_none.trace (Gurux C client ↔ Gurux C meter, HDLC)', () => {
  it('holds the 792 frames its header announces', () => {
    // Header: "frames: C2S=396 (9116 bytes), S2C=396 (21254 bytes)".
    expect(frames.filter((f) => f.dir === 'C2S')).to.have.length(396);
    expect(frames.filter((f) => f.dir === 'S2C')).to.have.length(396);
    expect(frames.filter((f) => f.dir === 'C2S').reduce((n, f) => n + f.bytes.length, 0)).to.equal(9116);
  });

  it('decodes every frame and re-encodes it to identical bytes', () => {
    const failures: string[] = [];
    for (const f of frames) {
      try {
        const again = toHex(encodeFrame(decodeFrame(f.bytes)));
        if (again !== f.hex) failures.push(`line ${f.line}: re-encoded as ${again}`);
      } catch (e) {
        failures.push(`line ${f.line}: ${isDecodeError(e) ? e.message : String(e)}`);
      }
    }
    expect(failures).to.deep.equal([]);
  });

  it('decodes the SNRM/UA exchange exactly: no parameters proposed, the defaults confirmed', () => {
    const [snrm, ua] = frames.map((f) => decodeFrame(f.bytes));
    expect(snrm).to.deep.equal({ type: 'SNRM', destination: { size: 1, upper: 1 }, source: { size: 1, upper: 16 }, pf: true, info: new Uint8Array(0) });
    expect(ua?.type).to.equal('UA');
    expect(ua?.destination).to.deep.equal({ size: 1, upper: 16 });
    expect(ua?.source).to.deep.equal({ size: 1, upper: 1 });
    const params = parametersOfInfo(frameInfo(ua!));
    expect(params).to.deep.equal([
      { name: 'maxInfoFieldLengthTransmit', value: 128, size: 1 },
      { name: 'maxInfoFieldLengthReceive', value: 128, size: 1 },
      { name: 'windowSizeTransmit', value: 1, size: 4 },
      { name: 'windowSizeReceive', value: 1, size: 4 },
    ]);
    expect(settingsOf(params)).to.deep.equal({ maxInfoFieldLengthTransmit: 128, maxInfoFieldLengthReceive: 128, windowSizeTransmit: 1, windowSizeReceive: 1 });
  });

  it('carries an LLC request header in the first segment of every client I frame and a response header from the meter', () => {
    let firstSegment = { C2S: true, S2C: true };
    for (const f of frames) {
      const frame = decodeFrame(f.bytes);
      if (frame.type !== 'I') continue;
      if (firstSegment[f.dir]) expect(stripLlc(frame.info, f.dir === 'C2S' ? 'request' : 'response').apdu.length, `line ${f.line}`).to.be.above(0);
      firstSegment = { ...firstSegment, [f.dir]: !frame.segmented };
    }
  });

  it('keeps every information field within the negotiated 128 bytes', () => {
    for (const f of frames) expect(frameInfo(decodeFrame(f.bytes)).length, `line ${f.line}`).to.be.at.most(128);
  });

  it('finds every frame again when each direction is replayed as one stream', () => {
    for (const dir of ['C2S', 'S2C'] as const) {
      const mine = frames.filter((f) => f.dir === dir);
      const events = new HdlcFramer().feed(concatBytes(...mine.map((f) => f.bytes)), 0);
      expect(events.map((e) => (e.type === 'frame' ? toHex(e.bytes) : `discarded ${e.reason}`))).to.deep.equal(mine.map((f) => f.hex));
    }
  });

  it('describes every frame without an error', () => {
    for (const f of frames) expect(describeFrameBytes(f.bytes).error, `line ${f.line}`).to.equal(undefined);
  });
});
