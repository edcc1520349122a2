import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { toHex } from '../../dlms/bytes/hex';
import type { TraceRecord } from '../../dlms/trace';
import { BYTE_ORDER_MAGIC } from '../../reports/pcapng';
import { renderTraceJson } from '../../reports/trace-json';
import { exportCommand, traceFromJson } from './export';
import { EXIT, UsageError, type Io } from './io';

const TRACE: TraceRecord[] = [
  { at: 0.5, dir: 'event', layers: [], note: 'connected' },
  {
    at: 1.25,
    dir: 'tx',
    bytes: Uint8Array.of(0x7e, 0xa0, 0x07, 0x03, 0x21, 0x93, 0x0f, 0x01, 0x7e),
    layers: [{ layer: 'hdlc', summary: 'SNRM P/F=1' }],
    note: 'n',
  },
];

function io(): Io & { text: string } {
  const o = { text: '', out: (t: string) => void (o.text += t), err: (t: string) => void (o.text += t) };
  return o;
}

/** A results folder as allure-mocha writes it: one result JSON per case, attachments beside it. */
function results(cases: readonly { name: string; trace?: readonly TraceRecord[] }[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-export-'));
  cases.forEach((c, i) => {
    const attachments = c.trace ? [{ name: 'frame trace (JSON)', source: `a${i}-attachment.json`, type: 'application/json' }] : [];
    if (c.trace) fs.writeFileSync(path.join(dir, `a${i}-attachment.json`), renderTraceJson(c.trace));
    // allure-js 3 files a runtime attachment as a step that holds it.
    const steps = [
      { name: 'a step', steps: [], attachments: [] },
      { name: 'frame trace (JSON)', steps: [], attachments },
    ];
    fs.writeFileSync(path.join(dir, `r${i}-result.json`), JSON.stringify({ name: c.name, start: 1_700_000_000_000, attachments: [], steps }));
  });
  return dir;
}

describe('dlmsct export', () => {
  it('writes one pcapng per case that has a trace, named by the case id', async () => {
    const dir = results([
      { name: 'ASSOC-OPEN[public] Each association opens', trace: TRACE },
      { name: 'SKIPPED-CASE no trace' },
      { name: 'ASSOC-OPEN[public] again', trace: TRACE },
    ]);
    const out = path.join(dir, 'out');
    const o = io();
    expect(await exportCommand(['--results', dir, '--out', out], o)).to.equal(EXIT.ok);
    expect(fs.readdirSync(out).sort()).to.deep.equal(['ASSOC-OPEN[public]-2.pcapng', 'ASSOC-OPEN[public].pcapng']);
    const file = fs.readFileSync(path.join(out, 'ASSOC-OPEN[public].pcapng'));
    expect(file.readUInt32BE(8)).to.equal(BYTE_ORDER_MAGIC);
    expect(file.includes(Buffer.from(TRACE[1]!.bytes!))).to.equal(true);
    expect(o.text).to.match(/^2 trace\(s\) written to /);
  });

  it('writes timelines with --format svg', async () => {
    const dir = results([{ name: 'HDLC-X1 <a> title', trace: TRACE }]);
    const out = path.join(dir, 'svg');
    expect(await exportCommand(['--results', dir, '--out', out, '--format', 'svg'], io())).to.equal(EXIT.ok);
    expect(fs.readFileSync(path.join(out, 'HDLC-X1.svg'), 'utf8')).to.include('HDLC-X1 &lt;a&gt; title');
  });

  it('refuses an unknown format as a usage error and a missing results folder with exit 2', async () => {
    let thrown: unknown;
    await exportCommand(['--format', 'pcap'], io()).catch((e: unknown) => (thrown = e));
    expect(thrown).to.be.instanceOf(UsageError);
    expect(await exportCommand(['--results', path.join(os.tmpdir(), 'dlmsct-no-such-results')], io())).to.equal(EXIT.config);
  });
});

describe('traceFromJson', () => {
  it('reads back exactly the records the JSON attachment was written from', () => {
    const back = traceFromJson(JSON.parse(renderTraceJson(TRACE)));
    expect(back.map((r) => ({ ...r, bytes: r.bytes && toHex(r.bytes) }))).to.deep.equal(TRACE.map((r) => ({ ...r, bytes: r.bytes && toHex(r.bytes) })));
  });
});
