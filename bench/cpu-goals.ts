/**
 * Issue 11's client CPU per exchange against the simulator in another process, under both
 * placements (placement.ts: free, and client and simulator on one core), in one run: the client
 * over HDLC and the wrapper, warm, in batches alternating the placements; the floors under it,
 * Node's and C's (floors.ts), so a row tells the machine's part (C floor), the runtime's (Node
 * floor − C floor) and the client's (client − Node floor); then the client's turn over TCP and
 * its own work replayed from memory (replay.ts), free placement only.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { connectTcp } from '../drivers/tcp';
import { floorRows, measureFloors, medianCpu, placementsFor, type Floors } from './floors';
import { CPU_GOAL_US, goal, notMeasured, PLACEMENT_NOTE, placedName, type GoalResult } from './goal-result';
import { readMeter } from './meter-read';
import { FLOOR_EXCHANGES } from './node-floor';
import { pinSupport, placed, PLACEMENTS, schedCounts, schedNote, schedPerExchange, type Placement, type SchedPerExchange } from './placement';
import { replayCost, turnaroundCost } from './replay';
import { median } from './runner';
import { startSimulatorChild } from './simulator-child';
import { writeTcpProfile } from './tcp-profile';

/** Reads of the whole simulator before the measured ones: the client's code is JIT-compiled by then, as in a harness that reads many meters. */
const WARM_UP_READS = 30;
/** The warm reads over TCP, per placement: MEASURED_BATCHES × BATCH_READS. */
const MEASURED_BATCHES = 6;
const BATCH_READS = 5;
/** Runs of each floor per placement (FLOOR_EXCHANGES round trips each). */
const FLOOR_ROUNDS = 3;
/** Replayed reads measured for the client's own work (each costs a few ms: no meter, no socket). */
const REPLAYED_READS = 100;
/** Reads timed for the client's turn over TCP (answer to next request). */
const TURNAROUND_READS = 10;

type Framing = 'hdlc' | 'wrapper';

function simulatorProfile(dir: string, port: number, framing: Framing): string {
  return writeTcpProfile({
    file: path.join(dir, `simulator-${framing}.yaml`),
    deviceName: 'dlmsct simulator (bench child process)',
    port,
    framing,
    hdlc: 'serverLogical: 1, serverPhysical: 16, addressSize: 2',
  });
}

interface Batch {
  readonly cpuUs: number;
  readonly sched: SchedPerExchange;
}

const medianSched = (xs: readonly SchedPerExchange[]): SchedPerExchange => ({
  voluntarySwitches: median(xs.map((x) => x.voluntarySwitches)),
  involuntarySwitches: median(xs.map((x) => x.involuntarySwitches)),
  migrations: median(xs.map((x) => x.migrations)),
  ipis: median(xs.map((x) => x.ipis)),
  halts: median(xs.map((x) => x.halts)),
});

/** "= C floor 12.0 + Node 10.1 + client 30.2 µs": where a client figure goes, under one placement. */
export function split(clientUs: number, floors: Floors, placement: Placement): string {
  const node = medianCpu(floors.series[placement].node);
  const c = floors.series[placement].c.length > 0 ? medianCpu(floors.series[placement].c) : Number.NaN;
  const parts = Number.isFinite(c) ? [`C floor ${c.toFixed(1)}`, `Node ${(node - c).toFixed(1)}`] : [`Node floor ${node.toFixed(1)}`];
  return `= ${[...parts, `client ${(clientUs - node).toFixed(1)}`].join(' + ')} µs`;
}

export async function exchanges(quick: boolean): Promise<GoalResult[]> {
  const sim = await startSimulatorChild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-goals-'));
  const support = pinSupport();
  const sides = { client: [process.pid], meter: [sim.pid] };
  try {
    const floors = await measureFloors(sim.ports.wrapper, [sim.pid], quick ? 1 : FLOOR_ROUNDS, quick ? 200 : FLOOR_EXCHANGES, support);
    const clientRows: GoalResult[] = [];
    const beyond: GoalResult[] = [];
    for (const framing of ['hdlc', 'wrapper'] as const) {
      const profile = simulatorProfile(dir, sim.ports[framing], framing);
      const cold = (await readMeter({ profile, runs: 1 })).associations[0]!;
      if (!quick) await readMeter({ profile, runs: WARM_UP_READS });
      // Measured in batches, the placements alternating: the median says what a read costs, the
      // least what it costs when no other process disturbs it (on a shared machine the two
      // differ by tens of µs).
      const batches = quick ? 1 : MEASURED_BATCHES;
      const reads = quick ? 1 : BATCH_READS;
      const measured: Record<Placement, Batch[]> = { free: [], 'one-core': [], apart: [] };
      let a = cold;
      let errors = 0;
      for (let b = 0; b < batches; b++)
        for (const placement of placementsFor(support, b))
          await placed(placement, support, sides, async () => {
            const s0 = schedCounts();
            const report = await readMeter({ profile, runs: reads });
            a = report.associations[0]!;
            errors += report.total.errors;
            measured[placement].push({ cpuUs: a.perExchange.cpuUs, sched: schedPerExchange(s0, schedCounts(), a.exchangesPerReadAll * a.runs) });
          });
      for (const placement of PLACEMENTS) {
        const name = placedName(`client CPU per exchange (TCP, ${framing})`, placement);
        const xs = measured[placement];
        if (xs.length === 0) {
          clientRows.push(notMeasured(name, 'µs', CPU_GOAL_US, support.kind === 'unavailable' ? support.reason : 'no batch'));
          beyond.push(notMeasured(placedName(`client CPU per exchange beyond the floor (${framing})`, placement), 'µs', CPU_GOAL_US, 'not measured (above)'));
          continue;
        }
        const warm = median(xs.map((x) => x.cpuUs));
        clientRows.push(
          goal(
            name,
            warm,
            'µs',
            CPU_GOAL_US,
            `${PLACEMENT_NOTE[placement]}, ${split(warm, floors, placement)}; warm: after ${quick ? 1 : WARM_UP_READS + 1} unmeasured reads, ${xs.length} batches of ${reads} reads of ${a.exchangesPerReadAll} exchanges (${a.attributes} attributes), median of the batches, least ${Math.min(...xs.map((x) => x.cpuUs)).toFixed(1)} µs; ${schedNote(medianSched(xs.map((x) => x.sched)))}; the first read of the process ${cold.perExchange.cpuUs.toFixed(0)} µs; simulator in another process${errors ? `, ${errors} errors` : ''}`,
          ),
        );
        beyond.push(
          goal(
            placedName(`client CPU per exchange beyond the floor (${framing})`, placement),
            warm - medianCpu(floors.series[placement].node),
            'µs',
            CPU_GOAL_US,
            `${PLACEMENT_NOTE[placement]}: the warm ${framing} figure above minus Node's floor under the same placement: the client's work as it runs after each wake-up, colder than the replay below${framing === 'hdlc' ? ' (the HDLC link has the same socket traffic per exchange: one write, one read, counted with strace)' : ''}`,
          ),
        );
      }
    }
    const out: GoalResult[] = [
      ...clientRows,
      ...floorRows(floors, { node: 'Node alone per exchange, same simulator (floor)', c: 'C alone per exchange, same simulator (floor)' }),
      ...beyond,
    ];
    // The client's turn per exchange over the socket (answer in → next request out), wall clock:
    // the same work as the replay below, but run after the wake-up that brought the answer.
    for (const framing of ['hdlc', 'wrapper'] as const) {
      const t = await turnaroundCost(
        () => connectTcp({ host: '127.0.0.1', port: sim.ports[framing], timeoutMs: 2000 }),
        framing,
        quick ? 1 : TURNAROUND_READS,
        quick ? 0 : 2,
      );
      out.push(
        goal(
          `client's turn per exchange over TCP, answer to next request (${framing})`,
          t.meanUs,
          'µs',
          CPU_GOAL_US,
          `wall time from an answer's arrival to the next write, mean of ${t.turns} turns (${quick ? 1 : TURNAROUND_READS} reads); ${(t.chunks / Math.max(1, t.writes)).toFixed(2)} chunks read per frame written`,
        ),
      );
    }
    for (const framing of ['hdlc', 'wrapper'] as const) {
      const r = await replayCost(
        () => connectTcp({ host: '127.0.0.1', port: sim.ports[framing], timeoutMs: 2000 }),
        framing,
        quick ? 1 : REPLAYED_READS,
        quick ? 1 : WARM_UP_READS,
        quick ? 1 : 5,
      );
      out.push(
        goal(
          `client's own work per exchange, no socket (${framing})`,
          r.cpuUs,
          'µs',
          CPU_GOAL_US,
          `one read of the simulator recorded, then replayed from memory (bench/replay.ts: no kernel, no event-loop turn, no meter): ${r.sessions} reads of ${r.exchanges} exchanges, median of batches of 5; least ${r.leastCpuUs.toFixed(1)} µs`,
        ),
      );
    }
    return out;
  } finally {
    await sim.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
