/**
 * Both floors under both placements, against one meter's wrapper port, in one run: Node's bare
 * round trip (node-floor.ts) and the same in C (c-floor.ts), each run `rounds` times, the
 * placements alternating round by round (placement.ts), the medians reported.
 */
import { buildCFloor, cFloor, type CFloorProgram } from './c-floor';
import { CPU_GOAL_US, goal, notMeasured, PLACEMENT_NOTE, placedName, type GoalResult } from './goal-result';
import { floorRequests, nodeFloor, type FloorFigures } from './node-floor';
import { FLOOR_PLACEMENTS, pinSupport, placed, PLACEMENTS, schedCounts, schedNote, schedPerExchange, type Placement, type PinSupport } from './placement';
import { median } from './runner';

export interface FloorSeries {
  readonly node: readonly FloorFigures[];
  readonly c: readonly FloorFigures[];
}

export interface Floors {
  readonly exchanges: number;
  readonly rounds: number;
  readonly support: PinSupport;
  readonly program: CFloorProgram;
  readonly series: Readonly<Record<Placement, FloorSeries>>;
}

/** Round i measures the placements in this order (rotated), so none always comes first. */
export function placementOrder(i: number, list: readonly Placement[] = PLACEMENTS): readonly Placement[] {
  const k = i % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}

/** The placements `support` allows, in round i's order. */
export function placementsFor(support: PinSupport, i: number, list: readonly Placement[] = PLACEMENTS): readonly Placement[] {
  return placementOrder(i, list).filter((p) => p === 'free' || support.kind === 'available');
}

/** `meterPids`: the meter's processes, placed with this one when on one core. */
export async function measureFloors(port: number, meterPids: readonly number[], rounds: number, exchanges: number, support = pinSupport()): Promise<Floors> {
  const requests = await floorRequests(port);
  const program = buildCFloor();
  const series: Record<Placement, { node: FloorFigures[]; c: FloorFigures[] }> = {
    free: { node: [], c: [] },
    'one-core': { node: [], c: [] },
    apart: { node: [], c: [] },
  };
  for (let i = 0; i < rounds; i++)
    for (const placement of placementsFor(support, i, FLOOR_PLACEMENTS))
      await placed(placement, support, { client: [process.pid], meter: meterPids }, async () => {
        series[placement].node.push(await nodeFloor(port, exchanges, requests));
        // Spawned while this process is placed: the C floor inherits its CPU mask.
        if (program.kind === 'built') {
          const s0 = schedCounts();
          const figures = cFloor(program, port, requests, exchanges);
          // Counted around the whole run (its warm-up quarter included); the switches and migrations are the program's own.
          const { ipis, halts } = schedPerExchange(s0, schedCounts(), exchanges * 1.25);
          series[placement].c.push({ ...figures, ipis, halts });
        }
      });
  return { exchanges, rounds, support, program, series };
}

export const medianCpu = (xs: readonly FloorFigures[]): number => median(xs.map((x) => x.cpuUs));

function floorNote(xs: readonly FloorFigures[], floors: Floors, placement: Placement, what: string): string {
  const least = Math.min(...xs.map((x) => x.cpuUs));
  const sched = {
    voluntarySwitches: median(xs.map((x) => x.voluntarySwitches)),
    involuntarySwitches: median(xs.map((x) => x.involuntarySwitches)),
    migrations: median(xs.map((x) => x.migrations)),
    ipis: median(xs.map((x) => x.ipis)),
    halts: median(xs.map((x) => x.halts)),
  };
  return `${PLACEMENT_NOTE[placement]}: ${what}; median of ${xs.length} runs of ${floors.exchanges}, least ${least.toFixed(1)} µs; ${schedNote(sched)}`;
}

/** The floor rows, Node's and C's side by side, each under both placements. `meter` names the peer in the rows. */
export function floorRows(floors: Floors, names: { readonly node: string; readonly c: string }): GoalResult[] {
  const rows: GoalResult[] = [];
  for (const kind of ['node', 'c'] as const)
    for (const placement of FLOOR_PLACEMENTS) {
      const name = placedName(names[kind], placement);
      const xs = floors.series[placement][kind];
      const why =
        placement !== 'free' && floors.support.kind === 'unavailable'
          ? floors.support.reason
          : kind === 'c' && floors.program.kind === 'none'
            ? floors.program.reason
            : undefined;
      const what =
        kind === 'node'
          ? 'CPU of a bare Node socket round trip (wrapper GET bytes, no client): the runtime and the machine'
          : 'the same round trip in C (bench/c/round-trip.c: blocking send/recv): what the machine takes from any client';
      rows.push(
        why !== undefined || xs.length === 0
          ? notMeasured(name, 'µs', CPU_GOAL_US, why ?? 'no run')
          : goal(name, medianCpu(xs), 'µs', CPU_GOAL_US, floorNote(xs, floors, placement, what)),
      );
    }
  return rows;
}
