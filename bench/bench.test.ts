/**
 * The benchmarks as a smoke test: `--quick` in-process, so a change that breaks a benchmark
 * (an API it uses, a fixture it reads) fails here rather than at the next `npm run bench`.
 * Only that each benchmark completes and reports a positive rate is checked, never a speed.
 */
import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GROUPS, runBench } from './index';
import { formatTable } from './table';

describe('npm run bench -- --quick', function () {
  // Mostly the simulator child process starting ts-node; the benchmarks take about a second.
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'dlmsct-bench-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('runs every benchmark group, each reporting a positive, finite rate, and writes the JSON', async () => {
    const outFile = join(dir, 'bench.json');
    const lines: string[] = [];
    const report = await runBench({ quick: true, outFile, print: (l) => lines.push(l) });
    expect(report.mode).to.equal('quick');
    expect(new Set(report.results.map((r) => r.group))).to.deep.equal(new Set(Object.keys(GROUPS)));
    for (const r of report.results) {
      expect(r.units, r.name).to.be.above(0);
      expect(r.perSecond, r.name).to.be.above(0);
      expect(Number.isFinite(r.perSecond), r.name).to.equal(true);
      expect(r.usPerUnit, r.name).to.be.above(0);
    }
    expect(existsSync(outFile)).to.equal(true);
    expect(JSON.parse(readFileSync(outFile, 'utf8')).results).to.have.length(report.results.length);
    // The printed table: a title, a header, a rule, one row per benchmark, the output path.
    expect(lines).to.have.length(report.results.length + 4);
  });

  it('refuses an unknown benchmark group, naming the known ones', async () => {
    let error: unknown;
    try {
      await runBench({ quick: true, only: ['no-such-group'] });
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.match(/unknown benchmark group\(s\) no-such-group; known: codec, /);
  });

  it('formats whole numbers exactly and rates to three significant digits', () => {
    const [header, , row] = formatTable([
      { group: 'g', name: 'n', unit: 'frame', units: 1000, seconds: 1, perSecond: 123456.7, usPerUnit: 8.1, cpuUsPerUnit: 0.5, extra: { bytes: 3913 } },
    ]);
    expect(header).to.match(/^group \| benchmark \|/);
    expect(row).to.contain('123 000 frame/s').and.contain('bytes 3 913');
  });
});
