/**
 * A delivery accepted end to end: a fleet of simulated meters over TCP (simulator/fleet.ts,
 * each its own name and serial number, 1 in 100 with a fault), a golden sample read from the
 * first, then `dlmsct run --devices … --parallel N` through the association suites and the
 * golden-sample case. The figure is meters per minute (the goal: 1,000 meters in under
 * 2 minutes on 2 cores, i.e. 500 meters/min). Full: 1,000 meters (DLMSCT_BENCH_METERS to change,
 * DLMSCT_BENCH_PARALLEL for the meters at a time, spread over one worker process per core); quick: 1 meter in process, golden-sample case only, as a smoke test.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readSnapshot } from '../harness/acceptance/read-snapshot';
import { writeSnapshot } from '../harness/acceptance/snapshot';
import type { BatchSummary } from '../harness/batch/batch-summary';
import { meterFaults } from '../harness/cli/simulate-fleet';
import { main } from '../harness/cli/main';
import { startDut } from '../harness/dut';
import { loadProfile } from '../harness/profile/load';
import { fleetDevicesCsv, startFleet } from '../simulator/fleet';
import type { BenchGroup, BenchResult, Plan } from './runner';

const GROUP = 'batch';
/** One meter in this many carries a fault the golden sample sees. */
const FAULTY_EVERY = 100;

const profileText = (port: number) => `device: { name: Simulated delivery }
transport: { kind: tcp, host: 127.0.0.1, port: ${port}, framing: hdlc }
hdlc: { serverLogical: 1, serverPhysical: 16, addressSize: 1, maxInfo: 128, window: 1 }
timeouts: { response: 2s, interFrame: 200ms, inactivity: 120s, connect: 2s }
associations:
  public: { clientSap: 16, authentication: none }
expect: { dlmsVersion: 6 }
`;

/** Clock ticks a second of /proc's times (USER_HZ: 100 on every Linux kernel since 2.6). */
const USER_HZ = 100;

/**
 * CPU-seconds of the reaped child processes (the batch's workers, once closed): /proc/self/stat
 * fields cutime and cstime. Node has no call for getrusage(RUSAGE_CHILDREN); elsewhere than Linux
 * the figure is undefined and the bench says CPU of this process only.
 */
function childrenCpuSeconds(): number | undefined {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[13]) + Number(f[14])) / USER_HZ;
  } catch {
    return undefined;
  }
}

function envInt(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

async function batch(plan: Plan): Promise<BenchResult[]> {
  const meters = plan.quick ? 1 : envInt('DLMSCT_BENCH_METERS', 1000);
  const parallel = plan.quick ? 1 : envInt('DLMSCT_BENCH_PARALLEL', Math.max(2, os.cpus().length * 2));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-bench-batch-'));
  const fleet = await startFleet({
    count: meters,
    framing: 'hdlc',
    inactivityTimeoutS: 120,
    faults: meterFaults([], String(Math.floor(meters / FAULTY_EVERY)), meters),
  });
  try {
    const profile = path.join(dir, 'profile.yaml');
    fs.writeFileSync(profile, profileText(fleet.meters[0]!.port));
    const dut = await startDut(loadProfile(profile));
    try {
      writeSnapshot(path.join(dir, 'golden.json'), await readSnapshot({ profile: loadProfile(profile), dut }));
    } finally {
      await dut.stop();
    }
    fs.appendFileSync(profile, 'golden: { snapshot: golden.json }\n');
    fs.writeFileSync(path.join(dir, 'devices.csv'), fleetDevicesCsv(fleet));
    const suite = plan.quick ? 'acceptance/*' : '{association,acceptance}/*';
    const root = path.join(dir, 'results');
    const args = [
      'run',
      '--profile',
      profile,
      '--devices',
      path.join(dir, 'devices.csv'),
      '--suite',
      suite,
      '--results',
      root,
      '--quiet',
      '--parallel',
      String(parallel),
    ];
    const children0 = childrenCpuSeconds();
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    await main(args, { out: () => undefined, err: () => undefined });
    const wallNs = Number(process.hrtime.bigint() - t0);
    const cpu = process.cpuUsage(cpu0);
    const children1 = childrenCpuSeconds();
    // Everything the batch cost: this process (parent and simulators) and its workers.
    const childrenUs = children0 === undefined || children1 === undefined ? undefined : (children1 - children0) * 1e6;
    const cpuUs = cpu.user + cpu.system + (childrenUs ?? 0);
    const summary = JSON.parse(fs.readFileSync(path.join(root, 'batch-summary.json'), 'utf8')) as BatchSummary;
    const cases = summary.devices.reduce((n, d) => n + (d.totals ? Object.values(d.totals).reduce((a, b) => a + b, 0) : 0), 0);
    const seconds = wallNs / 1e9;
    return [
      {
        group: GROUP,
        name: `${meters} meters, ${parallel} at a time: ${plan.quick ? 'golden-sample case' : 'association + golden-sample suites'}`,
        unit: 'meter',
        units: meters,
        seconds,
        perSecond: meters / seconds,
        usPerUnit: wallNs / 1e3 / meters,
        cpuUsPerUnit: cpuUs / meters,
        cpuLabel:
          parallel > 1 && childrenUs === undefined ? 'parent and simulators only (workers are other processes)' : 'whole batch: parent, simulators and workers',
        extra: {
          metersPerMinute: (meters / seconds) * 60,
          // The goal's budget: 2 cores × 120 s / 1,000 meters = 0.24 CPU-s a meter.
          cpuSecondsPerMeter: cpuUs / 1e6 / meters,
          // Where it went: this process (the parent's scheduling and the fleet's simulators) and the workers.
          parentCpuSecondsPerMeter: (cpu.user + cpu.system) / 1e6 / meters,
          ...(childrenUs === undefined ? {} : { workersCpuSecondsPerMeter: childrenUs / 1e6 / meters }),
          casesPerMeter: cases / meters,
          accepted: summary.totals.accepted,
          rejected: summary.totals.rejected,
          unreachable: summary.totals.unreachable,
        },
      },
    ];
  } finally {
    await fleet.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const batchBenches: BenchGroup = batch;
