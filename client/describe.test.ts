import { expect } from 'chai';
import { encodeFrame } from '../dlms/hdlc/frame';
import { clientAddress, serverAddress } from '../dlms/hdlc/address';
import { addLlc } from '../dlms/hdlc/llc';
import { splitSegments } from '../dlms/hdlc/segments';
import { fromHex } from '../dlms/bytes/hex';
import { describerFor } from './describe';

// get-response normal carrying a 40-byte octet-string, split into 20-byte information fields.
const APDU = fromHex(`C401C100 0928 ${'AB'.repeat(40)}`);

function frames(): Uint8Array[] {
  return splitSegments(addLlc('response', APDU), 20).map((seg, i) =>
    encodeFrame({ type: 'I', destination: clientAddress(16), source: serverAddress(1), pf: true, ns: i % 8, nr: 0, segmented: seg.segmented, info: seg.info }),
  );
}

describe('describerFor (HDLC)', () => {
  it('describes every segment of a segmented APDU as a segment, the last one included', () => {
    const describe = describerFor('hdlc');
    const layers = frames().map((f) => describe(f, 'rx'));
    expect(layers.length).to.be.greaterThan(2);
    for (const l of layers) {
      expect(l.map((x) => x.layer)).to.deep.equal(['hdlc', 'segment']);
      expect(l.some((x) => x.error)).to.equal(false);
    }
    expect(layers[0]![1]!.summary).to.match(/^first segment/);
    expect(layers.at(-1)![1]!.summary).to.match(/^last segment/);
  });

  it('decodes the APDU of an unsegmented frame after a segmented exchange ends', () => {
    const describe = describerFor('hdlc');
    for (const f of frames()) describe(f, 'rx');
    const single = encodeFrame({
      type: 'I',
      destination: clientAddress(16),
      source: serverAddress(1),
      pf: true,
      ns: 0,
      nr: 0,
      segmented: false,
      info: addLlc('response', fromHex('C401C1000600000001')),
    });
    const layers = describe(single, 'rx');
    expect(layers.map((x) => x.layer)).to.deep.equal(['hdlc', 'llc', 'apdu']);
    expect(layers[2]!.summary).to.contain('get-response');
  });
});
