/**
 * The goal rows against the independent meter (gurux-goals.ts), under both placements: dlmsct's
 * client CPU per exchange (issue 11's ≤ 30 µs, as the issue states it), the C client's beyond its
 * start-up, and their ratio (≤ 1.0×: dlmsct costs no more than the meter's own C client); the
 * floors, Node's and C's side by side; the read's wall time against the C client's.
 */
import { floorRows, medianCpu } from './floors';
import { CPU_GOAL_US, goal, notMeasured, PLACEMENT_NOTE, placedName, type GoalResult } from './goal-result';
import type { Framing, GuruxFigures, GuruxOutcome } from './gurux-goals';
import { FLOOR_PLACEMENTS, PLACEMENTS } from './placement';

const FRAMINGS: readonly Framing[] = ['hdlc', 'wrapper'];

const cpuName = (f: Framing): string => `gurux meter: client CPU per exchange (${f})`;
const cName = (f: Framing): string => `gurux meter: its C client's CPU per exchange beyond start-up (${f})`;
const ratioName = (f: Framing): string => `gurux meter: dlmsct ÷ its C client, CPU per exchange (${f})`;
const wallName = (f: Framing): string => `gurux meter: read vs its C client (${f})`;
const FLOOR_NAMES = { node: 'gurux meter: Node alone per exchange (floor)', c: 'gurux meter: C alone per exchange (floor)' } as const;

type Row = readonly [name: string, unit: string, target: number];

/** Every row, in the printed order, with its unit and target: what a run that measures nothing prints too. */
export function guruxRowShapes(): Row[] {
  const perFraming = FRAMINGS.flatMap((f) =>
    PLACEMENTS.flatMap((p): Row[] => [
      [placedName(cpuName(f), p), 'µs', CPU_GOAL_US],
      [placedName(cName(f), p), 'µs', CPU_GOAL_US],
      [placedName(ratioName(f), p), '×', 1],
    ]),
  );
  const floors = (['node', 'c'] as const).flatMap((k) => FLOOR_PLACEMENTS.map((p): Row => [placedName(FLOOR_NAMES[k], p), 'µs', CPU_GOAL_US]));
  const wall = FRAMINGS.map((f): Row => [wallName(f), '×', 1]);
  return [...perFraming, ...floors, ...wall];
}

export function guruxNotMeasured(why: string): GoalResult[] {
  return guruxRowShapes().map(([name, unit, target]) => notMeasured(name, unit, target, why));
}

const usPerExchange = (f: GuruxFigures): number => (f.dlmsct.cpuMs * 1000) / f.dlmsct.exchanges;

function framingRows(f: GuruxFigures, runs: number, floorNode: number, cpuClock: string): GoalResult[] {
  const p = f.placement;
  const dlmsct = usPerExchange(f);
  const c = f.cClient;
  return [
    goal(
      placedName(cpuName(f.framing), p),
      dlmsct,
      'µs',
      CPU_GOAL_US,
      `${PLACEMENT_NOTE[p]}: ${f.dlmsct.exchanges} exchanges, ${f.dlmsct.attributes} attributes, CPU ${f.dlmsct.cpuMs.toFixed(1)} ms per read, median of ${runs}, ${(dlmsct - floorNode).toFixed(1)} µs beyond Node's floor${f.dlmsct.errors ? `, ${f.dlmsct.errors} errors` : ''}`,
    ),
    goal(
      placedName(cName(f.framing), p),
      c.marginalCpuUs,
      'µs',
      CPU_GOAL_US,
      `${PLACEMENT_NOTE[p]}: (whole read − one attribute) ÷ their exchanges' difference, medians of ${c.runs} runs each (TZ set, ${cpuClock}), ${c.marginalCpuUsLeast.toFixed(0)} µs from the least runs; as a whole process ${((c.cpuMs * 1000) / c.exchanges).toFixed(0)} µs per exchange; the issue's reference, ≈ 30 µs`,
    ),
    goal(
      placedName(ratioName(f.framing), p),
      dlmsct / c.marginalCpuUs,
      '×',
      1,
      `${PLACEMENT_NOTE[p]}: the two rows above, same meter, same run (dlmsct's over its whole read, association and object list included; the C client's beyond its start-up); from the least runs ${(dlmsct / c.marginalCpuUsLeast).toFixed(2)} ×`,
    ),
  ];
}

export function guruxRows(m: GuruxOutcome): GoalResult[] {
  if (m.kind === 'not-measured') return guruxNotMeasured(m.reason);
  const perFraming = FRAMINGS.flatMap((framing) =>
    PLACEMENTS.flatMap((placement) => {
      const f = m.figures.find((x) => x.framing === framing && x.placement === placement);
      if (f === undefined) {
        const why = m.floors.support.kind === 'unavailable' ? m.floors.support.reason : 'no run';
        return [
          notMeasured(placedName(cpuName(framing), placement), 'µs', CPU_GOAL_US, why),
          notMeasured(placedName(cName(framing), placement), 'µs', CPU_GOAL_US, why),
          notMeasured(placedName(ratioName(framing), placement), '×', 1, why),
        ];
      }
      return framingRows(f, m.runs, medianCpu(m.floors.series[placement].node), m.cpuClock);
    }),
  );
  const wall = FRAMINGS.map((framing) => {
    const f = m.figures.find((x) => x.framing === framing && x.placement === 'free');
    if (f === undefined) return notMeasured(wallName(framing), '×', 1, 'no run');
    return goal(
      wallName(framing),
      f.dlmsct.wallMs / f.cClient.wallMs,
      '×',
      1,
      `free placement: dlmsct ${f.dlmsct.wallMs.toFixed(0)} ms (in process, ${f.dlmsct.exchanges} exchanges), the C client ${f.cClient.wallMs.toFixed(0)} ms (whole process, ${f.cClient.exchanges} exchanges, CPU ${f.cClient.cpuMs.toFixed(0)} ms); medians of ${m.runs} reads and ${f.cClient.runs} C client runs, alternating`,
    );
  });
  return [...perFraming, ...floorRows(m.floors, FLOOR_NAMES), ...wall];
}
