/**
 * 100,000 random and mutated frames through the HDLC and wrapper decoders and framers, with a
 * fixed seed: the only failure a decoder may show is a DecodeError, it always returns, and a
 * frame it accepts re-encodes to exactly the bytes it was given (decoding is as strict as
 * encoding). The seeds come from the recordings, so mutations stay close to real traffic.
 */
import { expect } from 'chai';
import { isDecodeError } from '../../dlms/bytes/decode-error';
import { bytesEqual, toHex } from '../../dlms/bytes/hex';
import { describeFrameBytes } from '../../dlms/hdlc/describe';
import { decodeFrame, encodeFrame, frameInfo } from '../../dlms/hdlc/frame';
import { stripLlc } from '../../dlms/hdlc/llc';
import { parametersOfInfo } from '../../dlms/hdlc/parameters';
import { decodeWrapper, encodeWrapper } from '../../dlms/wrapper/header';
import type { FramerEvent } from '../../drivers/framer';
import { HdlcFramer, HDLC_MAX_FRAME_SIZE } from '../../drivers/hdlc-framer';
import { WrapperFramer } from '../../drivers/wrapper-framer';
import { readRecording } from '../vectors/recording';
import { int, prng, randomBytes, type Rand } from './mutate';

/** One mutation of a real frame: bit flips, truncation, extension, byte edits, splices, or noise. */
function mutate(rand: Rand, seeds: readonly Uint8Array[]): Uint8Array {
  const src = seeds[int(rand, seeds.length)] as Uint8Array;
  const b = src.slice();
  switch (int(rand, 8)) {
    case 0: {
      for (let i = 1 + int(rand, 3); i > 0; i--) b[int(rand, b.length)]! ^= 1 << int(rand, 8);
      return b;
    }
    case 1:
      return b.subarray(0, int(rand, b.length + 1));
    case 2: {
      const out = new Uint8Array(b.length + 1 + int(rand, 16));
      out.set(b);
      out.set(randomBytes(rand, out.length - b.length), b.length);
      return out;
    }
    case 3:
      b[int(rand, b.length)] = int(rand, 256);
      return b;
    case 4: {
      // A byte of the header (format, addresses, control) replaced: the FCS must catch it.
      const at = 1 + int(rand, Math.min(8, b.length - 1));
      b[at] = int(rand, 256);
      return b;
    }
    case 5: {
      const other = seeds[int(rand, seeds.length)] as Uint8Array;
      const cut = int(rand, b.length);
      const out = new Uint8Array(cut + other.length - Math.min(cut, other.length - 1));
      out.set(b.subarray(0, cut));
      out.set(other.subarray(Math.min(cut, other.length - 1)), cut);
      return out;
    }
    case 6:
      return randomBytes(rand, int(rand, 64));
    default: {
      // Plausible start, random rest: exercises every check after the flag and format.
      const out = randomBytes(rand, 9 + int(rand, 40));
      out[0] = 0x7e;
      out[1] = 0xa0 | (out[1]! & 0x0f);
      out[out.length - 1] = 0x7e;
      return out;
    }
  }
}

/** Runs `fn`; returns the value, or undefined for a DecodeError; anything else fails the test. */
function tolerate<T>(fn: () => T, what: string): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (isDecodeError(e)) return undefined;
    throw new Error(`${what}: ${e instanceof Error ? e.stack : String(e)}`);
  }
}

const CASES = 100_000;

describe('HDLC and wrapper fuzzing (100,000 cases, fixed seed)', function () {
  this.timeout(30_000);

  it('decoders throw only DecodeError, and a frame they accept re-encodes to the same bytes', () => {
    const rand = prng(0x5eed);
    const seeds = readRecording('c_hdlc_none.trace').map((f) => f.bytes);
    const framer = new HdlcFramer({ interByteTimeoutMs: 100 });
    let accepted = 0;
    let framed = 0;
    const check = (events: readonly FramerEvent[], i: number): void => {
      for (const e of events) {
        if (e.type !== 'frame') continue;
        framed++;
        expect(e.bytes.length).to.be.at.most(HDLC_MAX_FRAME_SIZE);
        tolerate(() => decodeFrame(e.bytes), `case ${i} framed ${toHex(e.bytes)}`);
      }
    };
    for (let i = 0; i < CASES; i++) {
      const bytes = mutate(rand, seeds);
      const frame = tolerate(() => decodeFrame(bytes), `case ${i} ${toHex(bytes)}`);
      if (frame !== undefined) {
        accepted++;
        if (!bytesEqual(encodeFrame(frame), bytes)) throw new Error(`case ${i}: accepted ${toHex(bytes)} re-encodes differently`);
        const info = frameInfo(frame);
        tolerate(() => stripLlc(info), `case ${i} llc`);
        tolerate(() => parametersOfInfo(info), `case ${i} parameters`);
      }
      if (i % 100 === 0) describeFrameBytes(bytes);
      // The framer sees the same bytes as one stream, with a pause now and then.
      check(framer.feed(bytes, i), i);
      if (i % 1000 === 999) check(framer.expire(i + 100), i);
      expect(framer.pending).to.be.at.most(HDLC_MAX_FRAME_SIZE + 64);
    }
    // The mutations must reach the accepting path too, or the test proves little.
    expect(accepted).to.be.above(1000);
    expect(framed).to.be.above(1000);
  });

  it('the wrapper decoder and framer throw only DecodeError on mutated PDUs', () => {
    const rand = prng(0x3a11);
    const seeds = readRecording('c_wrapper_gmac.trace').map((f) => f.bytes);
    const framer = new WrapperFramer({ interByteTimeoutMs: 100, maxFrameSize: 4096 });
    let accepted = 0;
    for (let i = 0; i < CASES / 4; i++) {
      const bytes = mutate(rand, seeds);
      const pdu = tolerate(() => decodeWrapper(bytes), `case ${i} ${toHex(bytes)}`);
      if (pdu !== undefined) {
        accepted++;
        expect(bytesEqual(encodeWrapper(pdu), bytes)).to.equal(true);
      }
      for (const e of framer.feed(bytes, i)) if (e.type === 'frame') tolerate(() => decodeWrapper(e.bytes), `case ${i} framed`);
      if (i % 1000 === 999) framer.expire(i + 100);
      expect(framer.pending).to.be.at.most(4096);
    }
    expect(accepted).to.be.above(100);
  });
});
