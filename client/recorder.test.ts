import { expect } from 'chai';
import { recordAt } from '../dlms/trace';
import { TraceRecorder } from './recorder';

describe('TraceRecorder', () => {
  it('decodes an event given its layers as a function once, when a report first reads them', () => {
    const rec = new TraceRecorder(() => 0);
    let decoded = 0;
    rec.event('APDU reassembled from segments', () => {
      decoded++;
      return [{ layer: 'apdu', summary: 'get-response normal' }];
    });
    expect(decoded).to.equal(0);
    const [r] = rec.records;
    expect(r!.layers).to.deep.equal([{ layer: 'apdu', summary: 'get-response normal' }]);
    expect(JSON.parse(JSON.stringify(r))).to.deep.equal({
      at: 0,
      dir: 'event',
      layers: [{ layer: 'apdu', summary: 'get-response normal' }],
      note: 'APDU reassembled from segments',
    });
    expect(decoded).to.equal(1);
  });

  it('keeps an event given its layers as they are', () => {
    const rec = new TraceRecorder(() => 1.23456);
    rec.event('link open');
    expect(rec.records).to.deep.equal([{ at: 0, dir: 'event', layers: [], note: 'link open' }]);
  });

  it('moves a frame record to another time without decoding it, and shows it as the same plain record there', () => {
    const rec = new TraceRecorder(() => 0);
    let decoded = 0;
    rec.frame(
      'rx',
      Uint8Array.of(1, 2),
      () => {
        decoded++;
        return [{ layer: 'wrapper', summary: 'two bytes' }];
      },
      'late',
    );
    const moved = recordAt(rec.records[0]!, 12.5);
    expect(decoded).to.equal(0);
    expect(Object.keys(moved)).to.deep.equal(['at', 'dir', 'bytes', 'layers', 'note']);
    expect(JSON.parse(JSON.stringify(moved))).to.deep.equal({
      at: 12.5,
      dir: 'rx',
      bytes: { 0: 1, 1: 2 },
      layers: [{ layer: 'wrapper', summary: 'two bytes' }],
      note: 'late',
    });
    expect(rec.records[0]!.layers).to.equal(moved.layers);
    expect(decoded).to.equal(1);
  });
});
