import { expect } from 'chai';
import fc from 'fast-check';
import { decodePduBytes } from '../../dlms/pdu/pdu';
import { concatBytes, toHex } from '../../dlms/bytes';
import { decodeFrame, encodeFrame, type HdlcFrame } from '../../dlms/hdlc/frame';
import { addLlc } from '../../dlms/hdlc/llc';
import { decodeWrapper, encodeWrapper } from '../../dlms/wrapper/header';
import { NO_FAULTS } from '../faults';
import { aarqBytes, CLIENT, DEFAULT, getBytes, SERVER, T0 } from '../../test/support/simulator/testing';
import { createServerConnection, type Framing } from './connection';

const connection = (framing: Framing) => createServerConnection({ meter: DEFAULT, framing, hooks: NO_FAULTS, startedAt: T0 });
const frame = (f: Record<string, unknown> & { type: HdlcFrame['type'] }) => encodeFrame({ destination: SERVER, source: CLIENT, pf: true, ...f } as HdlcFrame);

const HDLC_SCRIPT = [
  frame({ type: 'SNRM', info: new Uint8Array(0) }),
  frame({ type: 'I', ns: 0, nr: 0, segmented: false, info: addLlc('request', aarqBytes()) }),
  frame({ type: 'I', ns: 1, nr: 1, segmented: false, info: addLlc('request', getBytes(3, '1-0:1.8.0.255', 2)) }),
];

describe('server connection (framer + link + session)', () => {
  it('answers the same whether the stream arrives whole, frame by frame, or byte by byte', () => {
    const whole = connection('hdlc')
      .receive(concatBytes(...HDLC_SCRIPT), T0)
      .map((b) => toHex(b));
    const byFrame = connection('hdlc');
    const framed = HDLC_SCRIPT.flatMap((f) => byFrame.receive(f, T0)).map((b) => toHex(b));
    const byByte = connection('hdlc');
    const bytes = concatBytes(...HDLC_SCRIPT);
    const trickled = Array.from(bytes)
      .flatMap((b) => byByte.receive(Uint8Array.of(b), T0))
      .map((b) => toHex(b));
    expect(whole).to.have.length(3);
    expect(framed).to.deep.equal(whole);
    expect(trickled).to.deep.equal(whole);
  });

  it('splits wrapper PDUs out of the stream however they arrive', () => {
    const stream = concatBytes(
      encodeWrapper({ source: 16, destination: 1, apdu: aarqBytes() }),
      encodeWrapper({ source: 16, destination: 1, apdu: getBytes(3, '1-0:1.8.0.255', 2) }),
    );
    const whole = connection('wrapper')
      .receive(stream, T0)
      .map((b) => toHex(b));
    const byByte = connection('wrapper');
    const trickled = Array.from(stream)
      .flatMap((b) => byByte.receive(Uint8Array.of(b), T0))
      .map((b) => toHex(b));
    expect(whole).to.have.length(2);
    expect(trickled).to.deep.equal(whole);
  });

  it('drops an unfinished frame after the inter-octet timeout and serves the next one', () => {
    const c = connection('hdlc');
    const snrm = HDLC_SCRIPT[0]!;
    expect(c.receive(snrm.subarray(0, 4), T0)).to.deep.equal([]);
    expect(c.deadline()).to.equal(T0 + DEFAULT.hdlc.interOctetTimeoutMs);
    const out = c.receive(snrm, T0 + 1000);
    expect(out.map((b) => decodeFrame(b).type)).to.deep.equal(['UA']);
  });

  it('never throws on arbitrary bytes, and everything it sends decodes (HDLC)', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 8 }), (chunks) => {
        const c = connection('hdlc');
        // Connected first, so that garbage meets every state, not only "disconnected".
        c.receive(HDLC_SCRIPT[0]!, T0);
        for (const chunk of chunks) for (const out of c.receive(chunk, T0)) decodeFrame(out);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('answers every APDU-shaped input with a decodable APDU or nothing (wrapper)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 80 }), fc.constantFrom(0x60, 0x62, 0xc0, 0xc1, 0xc3, 0xd8, 0x01), (body, tag) => {
        const c = connection('wrapper');
        c.receive(encodeWrapper({ source: 16, destination: 1, apdu: aarqBytes() }), T0);
        for (const out of c.receive(encodeWrapper({ source: 16, destination: 1, apdu: concatBytes(Uint8Array.of(tag), body) }), T0)) {
          decodePduBytes(decodeWrapper(out).apdu);
        }
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
