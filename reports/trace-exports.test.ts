import { expect } from 'chai';
import type { TraceRecord } from '../dlms/trace';
import { PCAPNG_CONTENT_TYPE } from './pcapng';
import { caseStartMs, traceExports } from './trace-exports';

const frame: TraceRecord = { at: 12.5, dir: 'tx', bytes: Uint8Array.of(0x7e, 0x7e), layers: [{ layer: 'hdlc', summary: 'SNRM' }] };
const event: TraceRecord = { at: 1, dir: 'event', layers: [], note: 'connected' };

describe('traceExports', () => {
  it('gives a timeline SVG and trace.pcapng with their content types and extensions', () => {
    const out = traceExports({ id: 'HDLC-X1', title: 'a <title>', trace: [event, frame] }, 1_000_000);
    expect(out.map((e) => [e.name, e.contentType, e.fileExtension])).to.deep.equal([
      ['timeline (SVG)', 'image/svg+xml', 'svg'],
      ['trace.pcapng', PCAPNG_CONTENT_TYPE, 'pcapng'],
    ]);
    expect(out[0]!.content).to.include('HDLC-X1: a &lt;title&gt;');
    expect(out[1]!.content).to.be.instanceOf(Uint8Array);
  });

  it('gives nothing for a case that exchanged no frame', () => {
    expect(traceExports({ id: 'X', title: 't', trace: [event] })).to.deep.equal([]);
    expect(traceExports({ id: 'X', title: 't', trace: [] })).to.deep.equal([]);
  });
});

describe('caseStartMs', () => {
  it('takes the recorded start, else now minus the duration, else now minus the last record time', () => {
    expect(caseStartMs({ id: 'X', title: 't', trace: [frame], startedAtMs: 5, durationMs: 100 }, 1000)).to.equal(5);
    expect(caseStartMs({ id: 'X', title: 't', trace: [frame], durationMs: 100 }, 1000)).to.equal(900);
    expect(caseStartMs({ id: 'X', title: 't', trace: [frame] }, 1000)).to.equal(987.5);
    expect(caseStartMs({ id: 'X', title: 't', trace: [] }, 1000)).to.equal(1000);
  });
});
