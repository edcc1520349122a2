import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSummary, totalsLine, writeSummary } from './summary';

const RESULTS = [
  { id: 'A', title: 'a', suite: 's', status: 'passed' as const, durationMs: 3 },
  { id: 'B', title: 'b', suite: 's', status: 'inconclusive' as const, reason: 'buffer too small', durationMs: 5 },
  { id: 'C', title: 'c', suite: 's', status: 'inapplicable' as const, reason: 'no hls', durationMs: 0 },
];

describe('summary', () => {
  it('counts every verdict on its own, so inconclusive never counts as passed', () => {
    const s = buildSummary(RESULTS);
    expect(s.totals).to.deep.equal({
      passed: 1,
      'passed-with-remarks': 0,
      failed: 0,
      inconclusive: 1,
      inapplicable: 1,
      broken: 0,
      'expected-failure': 0,
      'unexpected-pass': 0,
    });
    expect(s.mode).to.equal('standard');
    expect(s.deviations).to.equal(null);
    expect(s.cases[1]).to.deep.equal({ id: 'B', title: 'b', suite: 's', status: 'inconclusive', reason: 'buffer too small', remarks: [], durationMs: 5 });
    expect(s.cases[0]!.reason).to.equal(null);
    expect(totalsLine(s)).to.equal('1 passed, 0 failed, 1 inconclusive, 1 inapplicable, 0 broken');
  });

  it("counts expected failures and unexpected passes on their own, keeping each case's verdict beside them", () => {
    const deviation = { reference: 'FW-1234', at: 'd.yaml:1:3', expected: 'failed, reason matching "x"' };
    const s = buildSummary(
      [
        ...RESULTS,
        {
          id: 'D',
          title: 'd',
          suite: 's',
          status: 'failed',
          reported: 'expected-failure',
          deviation: { outcome: 'expected-failure', ...deviation },
          reason: 'x',
          durationMs: 1,
        },
        {
          id: 'E',
          title: 'e',
          suite: 's',
          status: 'passed',
          reported: 'unexpected-pass',
          deviation: { outcome: 'unexpected-pass', ...deviation },
          durationMs: 1,
        },
        { id: 'F', title: 'f', suite: 's', status: 'failed', reported: 'failed', deviation: { outcome: 'mismatch', ...deviation }, reason: 'y', durationMs: 1 },
      ],
      { mode: 'certification', deviations: 'd.yaml' },
    );
    expect(s.totals).to.deep.equal({
      passed: 1,
      'passed-with-remarks': 0,
      failed: 1,
      inconclusive: 1,
      inapplicable: 1,
      broken: 0,
      'expected-failure': 1,
      'unexpected-pass': 1,
    });
    expect(s.cases[3]).to.deep.include({ status: 'expected-failure', deviation: { outcome: 'expected-failure', ...deviation, verdict: 'failed' } });
    expect(s.cases[5]!.deviation).to.deep.equal({ outcome: 'mismatch', ...deviation, verdict: 'failed' });
    expect(s.cases[0]).to.not.have.property('deviation');
    expect(s.mode).to.equal('certification');
    expect(totalsLine(s)).to.equal('1 passed, 1 failed, 1 inconclusive, 1 inapplicable, 0 broken, 1 expected-failure, 1 unexpected-pass');
  });

  it("lists each case's remarks and counts cases passed with remarks on their own, in the totals line too", () => {
    const remarks = [{ text: 'hardware-fault for an undefined attribute', clause: 'docs/decisions/expectation-review.md', step: 2 }];
    const s = buildSummary([...RESULTS, { id: 'R', title: 'r', suite: 's', status: 'passed-with-remarks', remarks, durationMs: 2 }]);
    expect(s.totals['passed-with-remarks']).to.equal(1);
    expect(s.totals.passed).to.equal(1);
    expect(s.cases[3]!.remarks).to.deep.equal(remarks);
    expect(totalsLine(s)).to.equal('1 passed, 1 passed-with-remarks, 0 failed, 1 inconclusive, 1 inapplicable, 0 broken');
  });

  it('writes summary.json, creating its folder', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-summary-')), 'out', 'summary.json');
    writeSummary(file, RESULTS);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).to.deep.equal(buildSummary(RESULTS));
  });
});
