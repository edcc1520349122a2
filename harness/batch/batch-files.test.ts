import { expect } from 'chai';
import { batchCsv, batchHtml } from './batch-files';
import { type BatchDevice, buildBatchSummary } from './batch-summary';

const d = (id: string, reason: string | null, label: string | null = null): BatchDevice => ({
  id,
  serial: 'S1',
  label,
  target: 'tcp 127.0.0.1:4059',
  verdict: reason ? 'rejected' : 'accepted',
  reason,
  totals: {
    passed: 2,
    'passed-with-remarks': 0,
    failed: reason ? 1 : 0,
    inconclusive: 0,
    inapplicable: 0,
    broken: 0,
    'expected-failure': 0,
    'unexpected-pass': 0,
  },
  results: id,
});
const summary = buildBatchSummary({ profile: 'p.yaml', devicesFile: 'd.csv', mode: 'standard', deviations: null }, [
  d('m-1', null, 'feeder "3", north'),
  d('m-2', 'A (failed), B <x>'),
]);

describe('batch files (CSV and HTML report)', () => {
  it('writes one CSV row per meter, quoting what needs quoting (RFC 4180)', () => {
    const rows = batchCsv(summary).split('\r\n');
    expect(rows[0]).to.equal(
      'id,serial,label,target,verdict,passed,passed-with-remarks,failed,inconclusive,inapplicable,broken,expected-failure,unexpected-pass,reason,results',
    );
    expect(rows[1]).to.equal('m-1,S1,"feeder ""3"", north",tcp 127.0.0.1:4059,accepted,2,0,0,0,0,0,0,0,,m-1');
    expect(rows[2]).to.equal('m-2,S1,,tcp 127.0.0.1:4059,rejected,2,0,1,0,0,0,0,0,"A (failed), B <x>",m-2');
  });

  it("links each meter's own report, escapes text and loads nothing", () => {
    const html = batchHtml(summary);
    expect(html).to.contain('<a href="m-2/report.html">m-2</a>');
    expect(html).to.contain('B &#60;x&#62;');
    expect(html).to.contain("default-src 'none'");
    expect(html).to.not.match(/<script|src=|https?:/);
  });
});
