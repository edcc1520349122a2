/**
 * A method behaviour: what a state-changing case does to one object of its class, checks, and
 * puts back (issue 10 item 4). Each runs only where the profile opts in (`features:
 * { state-changing: true }`, the case's `requires:`), says in its notes what it changed and how it
 * restored it, and restores in a `finally` so that a failed check does not leave the meter
 * changed.
 */
import type { CosemObject } from '../../classes/object-list';
import type { StepContext } from '../context';

export interface MethodBehaviour {
  /** Kebab-case, as the step names it: `clock-shift-time`. */
  readonly name: string;
  readonly classIds: readonly number[];
  /** The clause and requirement, for a failure's rule. */
  readonly rule: string;
  /** `listVersion`: the version of the Association LN that listed `o` (how its access modes read). */
  run(ctx: StepContext, o: CosemObject, listVersion: number): Promise<void>;
}

/** Whether the object list grants access to method `m` of `o` (Blue Book 4.4.3 method_access_descriptor). */
export function methodGranted(o: CosemObject, m: number): boolean {
  return (o.methods ?? []).some((x) => x.id === m && x.mode !== 0);
}
