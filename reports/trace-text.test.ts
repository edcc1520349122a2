import { expect } from 'chai';
import type { TraceRecord } from '../dlms/trace';
import { renderTraceText, withByteCounts } from './trace-text';
import { renderTraceJson } from './trace-json';

const TRACE: TraceRecord[] = [
  { at: 0, dir: 'event', layers: [], note: 'step 1: connect' },
  { at: 0.412, dir: 'tx', bytes: Uint8Array.of(0x7e, 0xa0, 0x07, 0x03, 0x21, 0x93, 0x0f, 0x01, 0x7e), layers: [{ layer: 'hdlc', summary: 'SNRM P/F=1' }] },
  {
    at: 12.5,
    dir: 'rx',
    bytes: new Uint8Array(40).fill(0xab),
    layers: [
      { layer: 'hdlc', summary: 'I N(S)=0 N(R)=1 P/F=1' },
      { layer: 'apdu', summary: 'undecodable', error: { code: 'TRAILING_BYTES', offset: 30, expected: 'the end of get-response', actual: '2 more bytes' } },
    ],
    note: 'retransmission',
  },
];

describe('renderTraceText', () => {
  it('writes time, direction and hex on one line, then each decoded layer on its own line', () => {
    const lines = renderTraceText(TRACE).split('\n');
    expect(lines[0]).to.equal('    0.000 ms  --  step 1: connect');
    expect(lines[1]).to.equal('    0.412 ms  tx  7E A0 07 03 21 93 0F 01 7E');
    expect(lines[2]).to.equal('                  hdlc    SNRM P/F=1');
    expect(lines[3]).to.equal(`   12.500 ms  rx  ${Array(32).fill('AB').join(' ')}   (retransmission)`);
    expect(lines[4]).to.equal(`                  ${Array(8).fill('AB').join(' ')}`);
    expect(lines[5]).to.equal('                  hdlc    I N(S)=0 N(R)=1 P/F=1');
    expect(lines[6]).to.equal('                  apdu    undecodable');
    expect(lines[7]).to.equal('                          !! TRAILING_BYTES at byte 30: expected the end of get-response, got 2 more bytes');
    expect(lines[8]).to.equal('');
  });

  it('renders an empty trace as nothing', () => {
    expect(renderTraceText([])).to.equal('');
  });
});

describe('renderTraceJson', () => {
  it('keeps every field and writes the bytes as hex', () => {
    const json = JSON.parse(renderTraceJson(TRACE)) as { at: number; dir: string; hex?: string; note?: string }[];
    expect(json[1]).to.deep.equal({ at: 0.412, dir: 'tx', hex: '7EA0070321930F017E', layers: [{ layer: 'hdlc', summary: 'SNRM P/F=1' }] });
    expect(json[0]!.hex).to.equal(undefined);
    expect(json[2]!.note).to.equal('retransmission');
  });

  it('writes one record a line, and an empty trace as an empty array', () => {
    const lines = renderTraceJson(TRACE).split('\n');
    expect(lines.length).to.equal(TRACE.length + 3);
    expect(lines[0]).to.equal('[');
    expect(lines[2]).to.equal('{"at":0.412,"dir":"tx","hex":"7EA0070321930F017E","layers":[{"layer":"hdlc","summary":"SNRM P/F=1"}]},');
    expect(renderTraceJson([])).to.equal('[]\n');
    expect(JSON.parse(renderTraceJson([]))).to.deep.equal([]);
  });
});

describe('the trace with byte counts instead of hex', () => {
  const EDGES: TraceRecord[] = [
    ...TRACE,
    { at: 13, dir: 'tx', bytes: new Uint8Array(64).fill(0x01), layers: [] },
    { at: 14, dir: 'rx', bytes: new Uint8Array(0), layers: [{ layer: 'hdlc', summary: 'nothing' }] },
    { at: 15, dir: 'tx', bytes: Uint8Array.of(0xab), layers: [], note: 'AB (a note that looks like hex)' },
    { at: 16, dir: 'event', layers: [], note: 'AB CD' },
  ];

  it('writes how many bytes each frame had, its note, and every decoded layer as before', () => {
    const lines = renderTraceText(TRACE, 'count').split('\n');
    expect(lines[1]).to.equal('    0.412 ms  tx  [9 bytes]');
    expect(lines[2]).to.equal('                  hdlc    SNRM P/F=1');
    expect(lines[3]).to.equal('   12.500 ms  rx  [40 bytes]   (retransmission)');
    expect(lines[4]).to.equal('                  hdlc    I N(S)=0 N(R)=1 P/F=1');
  });

  it('is made the same from the hex form as from the records, frames of many lines, none and one byte included', () => {
    expect(withByteCounts(renderTraceText(EDGES))).to.equal(renderTraceText(EDGES, 'count'));
    expect(renderTraceText(EDGES, 'count')).to.contain('[64 bytes]').and.contain('[1 byte]   (AB (a note').and.contain('--  AB CD');
  });
});
