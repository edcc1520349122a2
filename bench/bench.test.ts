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
import { formatGoals } from './goals';
import { readMeter } from './meter-read';
import { formatTable } from './table';

describe('npm run bench -- --quick', function () {
  // Mostly the simulator child process starting ts-node; the benchmarks take about a second.
  this.timeout(240_000);
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

  it('reads the meter of a profile through the associations asked for and counts exchanges, bytes and errors', async () => {
    const report = await readMeter({ profile: 'profiles/simulator.yaml', runs: 1, associations: ['public', 'short'] });
    expect(report.associations.map((a) => [a.association, a.referencing, a.runs])).to.deep.equal([
      ['public', 'ln', 1],
      ['short', 'sn', 1],
    ]);
    for (const a of report.associations) {
      expect(a.attributes, a.association).to.be.above(10);
      expect(a.exchangesPerReadAll, a.association).to.be.above(a.attributes);
      expect(a.bytesPerReadAll.sent, a.association).to.be.above(0);
      expect(a.bytesPerReadAll.received, a.association).to.be.above(a.bytesPerReadAll.sent);
      expect(a.perExchange.cpuUs, a.association).to.be.above(0);
    }
    expect(report.total.errors).to.equal(0);
  });

  it('refuses an association the profile does not name', async () => {
    let error: unknown;
    try {
      await readMeter({ profile: 'profiles/simulator.yaml', runs: 1, associations: ['nobody'] });
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.contain('no association named nobody');
  });

  it('prints each goal against its target, and a goal it could not measure as such', () => {
    const lines = formatGoals([
      { goal: 'start-up', measured: 120.4, unit: 'ms', target: 500, met: true },
      { goal: 'ratio', measured: Number.NaN, unit: '×', target: 1.05, met: undefined, note: 'socat is not installed' },
    ]);
    expect(lines[2]).to.match(/^start-up +\| 120 ms +\| ≤ 500 ms +\| met +\| $/);
    expect(lines[3]).to.match(/^ratio +\| — × +\| ≤ 1.05 × +\| not measured \| socat is not installed$/);
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
