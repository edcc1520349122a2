import { expect } from 'chai';
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
});
