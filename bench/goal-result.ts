/** One row of the goal table (goals.ts): a figure against its target, or why it was not measured. */
import type { Placement } from './placement';

/** Issue 11's goal for a client's CPU per exchange. */
export const CPU_GOAL_US = 30;

export interface GoalResult {
  readonly goal: string;
  readonly measured: number;
  readonly unit: string;
  readonly target: number;
  /** undefined: not measured (the note says why). */
  readonly met: boolean | undefined;
  readonly note?: string;
}

export function goal(name: string, measured: number, unit: string, target: number, note?: string): GoalResult {
  return { goal: name, measured, unit, target, met: Number.isFinite(measured) ? measured <= target : undefined, ...(note === undefined ? {} : { note }) };
}

export function notMeasured(name: string, unit: string, target: number, note: string): GoalResult {
  return { goal: name, measured: Number.NaN, unit, target, met: undefined, note };
}

/** A CPU row's name under a placement: free placement keeps the name the goal has. */
export function placedName(name: string, placement: Placement): string {
  return placement === 'free' ? name : placement === 'one-core' ? `${name}, one core` : `${name}, apart`;
}

/** How a note names the placement it was measured under. */
export const PLACEMENT_NOTE: Readonly<Record<Placement, string>> = {
  free: 'free placement',
  'one-core': 'client and meter on one core (taskset)',
  apart: 'client and meter on two cores, apart (taskset)',
};
