/**
 * The closed vocabulary of suite steps, as a registry rather than a switch: each step lives in
 * its own file, declares the schema of its arguments once (checked at load time, located; the
 * argument type derived from it with `defineStep`) and runs against a StepContext. Adding a step
 * is adding a file to steps/ (found by the folder, steps/index.ts).
 */
import type { FromSchema } from '../yaml/from-schema';
import type { Schema } from '../yaml/schema';
import type { StepContext } from './context';

export interface StepDefinition<A> {
  readonly name: string;
  /** One sentence for `dlmsct list --steps`, docs and the JSON Schema. */
  readonly description: string;
  /** The arguments, an object schema; `precondition` is added to every step by the registry. */
  readonly schema: Schema;
  /** Checks beyond the schema that need the whole case (e.g. `$each` outside `forEach`); a message or undefined. */
  crossCheck?(args: A, caseInfo: { readonly forEach?: 'association' }): { readonly path: readonly string[]; readonly code: string; readonly expected: string; readonly actual: string } | undefined;
  /**
   * A generator step runs other work once per object it discovers on the DUT (each-object.ts),
   * records one sub-step each and bounds each exchange itself: the engine gives it a budget of
   * GENERATOR_BUDGET_STEPS steps instead of one.
   */
  readonly generator?: boolean;
  /** Throws ExpectationFailure / Inconclusive / Inapplicable / HarnessFault; returning means the step held. */
  run(ctx: StepContext, args: A): Promise<void>;
}

const steps = new Map<string, StepDefinition<unknown>>();

/** A step marked `precondition: true` that fails makes the case inconclusive, not failed. */
export const PRECONDITION_PROPERTY: Schema = { type: 'boolean', description: 'a failure here makes the case inconclusive (sanity step), not failed' };

export function registerStep<A>(def: StepDefinition<A>): void {
  if (steps.has(def.name)) throw new Error(`step ${def.name} registered twice`);
  steps.set(def.name, def as StepDefinition<unknown>);
}

/**
 * Registers a step whose argument type is derived from its schema (written inline, or `as const`):
 * the schema is said once and `run` receives exactly what it admits.
 */
export function defineStep<const S extends Schema>(def: Omit<StepDefinition<FromSchema<S>>, 'schema'> & { readonly schema: S }): void {
  registerStep<FromSchema<S>>(def);
}

export function getStep(name: string): StepDefinition<unknown> | undefined {
  return steps.get(name);
}

export function listSteps(): readonly StepDefinition<unknown>[] {
  return [...steps.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The schema a step's arguments are checked against: its own, plus `precondition`. */
export function argsSchema(def: StepDefinition<unknown>): Schema {
  return { ...def.schema, type: 'object', properties: { ...(def.schema.properties ?? {}), precondition: PRECONDITION_PROPERTY } };
}
