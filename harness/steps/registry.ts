/**
 * The closed vocabulary of suite steps, as a registry rather than a switch: each step lives in
 * its own file, declares the schema of its arguments once (checked at load time, located; the
 * argument type derived from it with `defineStep`) and runs against a StepContext. Adding a step
 * is adding a file to steps/ (found by the folder, steps/index.ts).
 */
import type { FromSchema } from '../yaml/from-schema';
import type { Schema } from '../yaml/schema';
import type { StepContext } from './context';
import { judgeOutcome } from './judge';
import { OUTCOME_EXPECTATION_SCHEMA, type OutcomeExpectation } from './outcome';
import type { Profile } from '../profile/types';
import type { ForEach } from '../suite/types';

export interface StepDefinition<A> {
  readonly name: string;
  /** One sentence for `dlmsct list --steps`, docs and the JSON Schema. */
  readonly description: string;
  /** The arguments, an object schema; `precondition` is added to every step by the registry. */
  readonly schema: Schema;
  /** Checks beyond the schema that need the whole case (e.g. `$each` outside `forEach`); a message or undefined. */
  crossCheck?(
    args: A,
    caseInfo: { readonly forEach?: ForEach },
  ): { readonly path: readonly string[]; readonly code: string; readonly expected: string; readonly actual: string } | undefined;
  /**
   * A generator step runs other work once per object it discovers on the DUT (each-object.ts),
   * records one sub-step each and bounds each exchange itself: the engine gives it a budget of
   * GENERATOR_BUDGET_STEPS steps instead of one.
   */
  readonly generator?: boolean;
  /**
   * The step produces an outcome (ctx.last) that an inline `expect:` judges right after it, the
   * same way an `expect` step would: the registry adds the argument and the judging.
   */
  readonly judged?: boolean;
  /**
   * The time the step waits by design (a timer it proves, e.g. the HDLC inactivity timeout plus
   * 10 %), beyond one step budget: the engine adds it to the step's bound, and `--quick` makes a
   * case whose timer waits exceed QUICK_TIMER_MS inapplicable.
   */
  waitMs?(args: A, profile: Profile): number;
  /** Throws ExpectationFailure / Inconclusive / Inapplicable / HarnessFault; returning means the step held. */
  run(ctx: StepContext, args: A): Promise<void>;
}

const steps = new Map<string, StepDefinition<unknown>>();

/** A step marked `precondition: true` that fails makes the case inconclusive, not failed. */
export const PRECONDITION_PROPERTY: Schema = { type: 'boolean', description: 'a failure here makes the case inconclusive (sanity step), not failed' };

export function registerStep<A>(def: StepDefinition<A>): void {
  if (steps.has(def.name)) throw new Error(`step ${def.name} registered twice`);
  const judged: StepDefinition<A> = def.judged
    ? {
        ...def,
        async run(ctx, args) {
          await def.run(ctx, args);
          const expectation = (args as { readonly expect?: OutcomeExpectation }).expect;
          if (expectation !== undefined) judgeOutcome(ctx, expectation);
        },
      }
    : def;
  steps.set(def.name, judged as StepDefinition<unknown>);
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

/** An inline expectation on the outcome of a judged step. */
export const INLINE_EXPECT_PROPERTY: Schema = {
  ...OUTCOME_EXPECTATION_SCHEMA,
  description: 'judge the outcome of this step (as an expect step right after it would)',
};

/** The schema a step's arguments are checked against: its own, plus `precondition` (and `expect` on a judged step). */
export function argsSchema(def: StepDefinition<unknown>): Schema {
  const expect = def.judged ? { expect: INLINE_EXPECT_PROPERTY } : {};
  return { ...def.schema, type: 'object', properties: { ...(def.schema.properties ?? {}), ...expect, precondition: PRECONDITION_PROPERTY } };
}
