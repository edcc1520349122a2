/**
 * The benchmarks as a smoke test: `--quick` in-process, so a change that breaks a benchmark
 * (an API it uses, a fixture it reads) fails here rather than at the next `npm run bench`.
 * Only that each benchmark completes and reports a positive rate is checked, never a speed.
 */
import { expect } from 'chai';
import { createServer, type AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCFloor, cFloor, type CFloorProgram } from './c-floor';
import { exchanges } from './cpu-goals';
import { GROUPS, runBench } from './index';
import { formatGoals } from './goals';
import { floorRows, type Floors } from './floors';
import type { GuruxFigures } from './gurux-goals';
import { guruxNotMeasured, guruxRows } from './gurux-rows';
import { affinityOf, cpuList, pinSupport, placed } from './placement';
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

  it('measures the client free and on one core, and both floors, Node and C side by side, also apart, in --quick', async () => {
    const affinity = (): string => affinityOf('taskset', process.pid);
    const support = pinSupport();
    const before = support.kind === 'available' ? affinity() : '';
    const rows = await exchanges(true);
    if (support.kind === 'available') expect(affinity(), 'the bench gives this process its CPUs back').to.equal(before);
    const cpuRows = [
      ...['client CPU per exchange (TCP, hdlc)', 'client CPU per exchange (TCP, wrapper)'].flatMap((n) => [n, `${n}, one core`]),
      ...['Node alone per exchange, same simulator (floor)', 'C alone per exchange, same simulator (floor)'].flatMap((n) => [
        n,
        `${n}, one core`,
        `${n}, apart`,
      ]),
      ...['client CPU per exchange beyond the floor (hdlc)', 'client CPU per exchange beyond the floor (wrapper)'].flatMap((n) => [n, `${n}, one core`]),
    ];
    const names = rows.map((r) => r.goal);
    expect(names.slice(0, cpuRows.length)).to.have.members(cpuRows);
    for (const r of rows.filter((x) => cpuRows.includes(x.goal))) {
      expect(r.target, r.goal).to.equal(30);
      // Measured, or not, with the reason (no taskset, one CPU, no C compiler): never a bare gap.
      if (r.met === undefined) expect(r.note, r.goal).to.match(/\S/);
      // A row "beyond the floor" is a difference of two noisy figures: in --quick it may come out below zero.
      else if (r.goal.includes('beyond the floor')) expect(r.measured, r.goal).to.satisfy(Number.isFinite);
      else expect(r.measured, r.goal).to.be.above(0);
    }
    const client = rows.find((r) => r.goal === 'client CPU per exchange (TCP, hdlc)')!;
    expect(client.note).to.match(/^free placement, = (C floor [\d.]+ \+ Node [\d.]+|Node floor [\d.]+) \+ client -?[\d.]+ µs; /);
    if (support.kind === 'unavailable') expect(rows.find((r) => r.goal === 'client CPU per exchange (TCP, hdlc), one core')!.note).to.equal(support.reason);
  });

  it('sets the independent meter’s rows side by side under both placements, dlmsct ÷ its C client among them', () => {
    const figures = (framing: 'hdlc' | 'wrapper', placement: 'free' | 'one-core', dlmsctMs: number, cUs: number): GuruxFigures => ({
      framing,
      placement,
      cClient: { exchanges: 170, wallMs: 60, cpuMs: 30, marginalCpuUs: cUs, marginalCpuUsLeast: cUs / 2, runs: 15 },
      dlmsct: { exchanges: 100, attributes: 90, wallMs: 20, cpuMs: dlmsctMs, errors: 0 },
    });
    const floor = { cpuUs: 10, voluntarySwitches: 1, involuntarySwitches: 0, migrations: 0, ipis: 0, halts: 0 };
    const floors: Floors = {
      exchanges: 2000,
      rounds: 1,
      support: { kind: 'available', command: 'taskset', cpu: 0, other: 1, allowed: '0,1' },
      program: { kind: 'none', reason: 'no C compiler (cc, gcc) found' },
      series: { free: { node: [floor], c: [] }, 'one-core': { node: [floor], c: [] }, apart: { node: [floor], c: [] } },
    };
    const rows = guruxRows({
      kind: 'measured',
      runs: 5,
      figures: [figures('hdlc', 'free', 8, 40), figures('hdlc', 'one-core', 6, 40), figures('wrapper', 'free', 5, 25), figures('wrapper', 'one-core', 4, 20)],
      floors,
      cpuClock: 'CPU from wait4, µs',
    });
    expect(rows.map((r) => r.goal)).to.deep.equal(guruxNotMeasured('none').map((r) => r.goal));
    const row = (name: string) => rows.find((r) => r.goal === name)!;
    expect(row('gurux meter: client CPU per exchange (hdlc)').measured).to.equal(80);
    expect(row('gurux meter: dlmsct ÷ its C client, CPU per exchange (hdlc)').measured).to.equal(2);
    expect(row('gurux meter: dlmsct ÷ its C client, CPU per exchange (wrapper), one core')).to.include({ measured: 2, unit: '×', met: false });
    expect(row('gurux meter: C alone per exchange (floor), one core')).to.include({ met: undefined, note: 'no C compiler (cc, gcc) found' });
    expect(row('gurux meter: Node alone per exchange (floor)')).to.include({ measured: 10, met: true });
  });

  it('says why the C floor or one core was not measured: no compiler, no taskset', () => {
    expect(buildCFloor(['no-such-cc-for-dlmsct'], join(dir, 'c'))).to.deep.equal({ kind: 'none', reason: 'no C compiler (no-such-cc-for-dlmsct) found' });
    expect(pinSupport('no-such-taskset-for-dlmsct')).to.deep.equal({ kind: 'unavailable', reason: 'no-such-taskset-for-dlmsct (util-linux) is not installed' });
  });

  it('says which port the C floor could not reach, with the system’s reason', async function () {
    const program = buildCFloor();
    if (program.kind === 'none') this.skip();
    const closed = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const port = (s.address() as AddressInfo).port;
        s.close(() => resolve(port));
      });
    });
    expect(() => cFloor(program as CFloorProgram & { kind: 'built' }, closed, { aarq: Uint8Array.of(1), get: Uint8Array.of(2) }, 10)).to.throw(
      `bench: the C floor failed against port ${closed}: round-trip: connect: Connection refused`,
    );
  });

  it('gives the processes it pinned their CPUs back, also when the pinned measurement fails', async function () {
    const support = pinSupport();
    if (support.kind === 'unavailable') this.skip();
    const affinity = (): string => affinityOf('taskset', process.pid);
    const before = affinity();
    let inside = '';
    const failed = await placed('one-core', support, { client: [process.pid], meter: [] }, async () => {
      inside = affinity();
      throw new Error('measurement failed');
    }).catch((e: unknown) => String(e));
    expect(failed).to.equal('Error: measurement failed');
    expect(inside).to.equal(String((support as { cpu: number }).cpu));
    expect(affinity()).to.equal(before);
  });

  it('prints a one-core row as not measured, with the reason, where the bench cannot pin', () => {
    const floor = { cpuUs: 10, voluntarySwitches: 1, involuntarySwitches: 0, migrations: 0, ipis: 0, halts: 0 };
    const rows = floorRows(
      {
        exchanges: 2000,
        rounds: 1,
        support: { kind: 'unavailable', reason: 'taskset (util-linux) is not installed' },
        program: { kind: 'built', bin: '/nowhere' },
        series: { free: { node: [floor], c: [{ ...floor, cpuUs: 4 }] }, 'one-core': { node: [], c: [] }, apart: { node: [], c: [] } },
      },
      { node: 'Node floor', c: 'C floor' },
    );
    expect(rows.map((r) => [r.goal, r.measured, r.note?.startsWith('free placement') ? 'free' : r.note])).to.deep.equal([
      ['Node floor', 10, 'free'],
      ['Node floor, one core', Number.NaN, 'taskset (util-linux) is not installed'],
      ['Node floor, apart', Number.NaN, 'taskset (util-linux) is not installed'],
      ['C floor', 4, 'free'],
      ['C floor, one core', Number.NaN, 'taskset (util-linux) is not installed'],
      ['C floor, apart', Number.NaN, 'taskset (util-linux) is not installed'],
    ]);
  });

  it('reads the CPU lists taskset prints', () => {
    expect(cpuList('0,1')).to.deep.equal([0, 1]);
    expect(cpuList('0-3,6')).to.deep.equal([0, 1, 2, 3, 6]);
    expect(cpuList('2')).to.deep.equal([2]);
  });
});
