/**
 * `each.object: { class?, association?, steps: [...] }` — run nested steps once per object of the
 * current association's object_list whose class matches, with `$obis`, `$class` and `$version`
 * standing for the object's (docs/decisions/object-iteration.md). Each object is one sub-step of
 * the record, holding its nested steps; within an object the first step that does not hold ends
 * that object, and every object is judged. No matching object: the case is inapplicable.
 *
 *   - each.object:
 *       class: 3
 *       steps:
 *         - get: { obis: $obis, class: $class, attribute: 3 }
 *         - expect: { data: { type: structure } }
 */
import type { StepRecord } from '../engine/result';
import { verdictOf } from '../engine/run-case';
import { HarnessFault, Inapplicable, Inconclusive } from '../engine/verdict';
import { type ClassFilter, describeFilter, matchesClass } from '../classes/object-list';
import type { Schema } from '../yaml/schema';
import { typedSchema } from '../yaml/from-schema';
import type { StepContext } from './context';
import { validateValue } from '../yaml/validate';
import { ASSOCIATION_REF_SCHEMA } from './association-ref';
import { boundedStep, currentObjects, ensureAssociation, forEachObject } from './object-iteration';
import { argsSchema, getStep, defineStep } from './registry';
import type { FromSchema } from '../yaml/from-schema';

export const CLASS_FILTER_SCHEMA = typedSchema<ClassFilter>({
  anyOf: [
    { type: 'integer', minimum: 0, maximum: 65535 },
    { type: 'array', minItems: 1, items: { type: 'integer', minimum: 0, maximum: 65535 } },
  ],
  description: 'class_id, or a list of them; absent: every object',
});

/** Values the placeholders take when nested steps are checked at load time. */
const SAMPLE: Readonly<Record<string, string | number>> = { $obis: '0-0:0.0.0.255', $class: 1, $version: 0, $attribute: 2, $method: 1 };

/** `$class`, `$version`, `$attribute` and `$method` alone become numbers; `$obis` is replaced inside any text. */
export function substitute(value: unknown, vars: Readonly<Record<string, string | number>>): unknown {
  if (typeof value === 'string') {
    if (value in vars && typeof vars[value] === 'number') return vars[value];
    return value.replace(/\$(obis|class|version|attribute|method)\b/g, (m) => String(vars[m] ?? m));
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, vars));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, vars)]));
  return value;
}

function nameOf(call: Readonly<Record<string, unknown>>): string {
  return Object.keys(call)[0] ?? '';
}

/** Load-time check of the nested steps: known, not generators themselves, arguments valid. */
export function checkNested(steps: EachObjectArgs['steps']) {
  for (const [i, call] of steps.entries()) {
    const name = nameOf(call);
    const def = getStep(name);
    if (!def) return { path: ['steps', String(i)], code: 'STEP_UNKNOWN', expected: 'a registered step', actual: JSON.stringify(name) };
    if (def.generator) return { path: ['steps', String(i)], code: 'STEP_NESTED_GENERATOR', expected: 'a step that is not itself a generator', actual: name };
    const args = substitute(call[name] ?? {}, SAMPLE);
    const invalid = validateValue(args, argsSchema(def));
    if (invalid) return { ...invalid, path: ['steps', String(i), name, ...invalid.path] };
    const problem = def.crossCheck?.(args as never, {});
    if (problem) return { ...problem, path: ['steps', String(i), name, ...problem.path] };
  }
  return undefined;
}

/**
 * Runs nested steps with placeholders replaced, each one a sub-step of the running step's record;
 * the first that does not hold ends the run (a failed precondition makes it inconclusive).
 */
export async function runNested(
  ctx: StepContext,
  steps: readonly Readonly<Record<string, unknown>>[],
  vars: Readonly<Record<string, string | number>>,
): Promise<void> {
  for (const [index, call] of steps.entries()) {
    const name = nameOf(call);
    const def = getStep(name);
    if (!def) throw new HarnessFault(`step ${name} is not registered`, 'harness', 'STEP_UNKNOWN');
    const stepArgs = substitute(call[name] ?? {}, vars) as Record<string, unknown>;
    const precondition = stepArgs['precondition'] === true;
    const notes: string[] = [];
    const note = ctx.note;
    ctx.note = (text) => notes.push(text);
    const startMs = ctx.elapsed?.() ?? 0;
    let error: unknown;
    try {
      await boundedStep(ctx, def.run(ctx, stepArgs), name);
    } catch (e) {
      error = e;
    } finally {
      ctx.note = note;
    }
    const v = error === undefined ? undefined : verdictOf(error, precondition);
    const record: StepRecord = {
      index,
      name,
      args: stepArgs,
      precondition,
      status: v?.status ?? 'passed',
      notes,
      ...(v?.reason === undefined ? {} : { message: v.reason }),
      startMs,
      endMs: ctx.elapsed?.() ?? 0,
    };
    ctx.substep?.(record);
    if (v?.status === 'inconclusive' && precondition) throw new Inconclusive(v.reason ?? 'precondition not met');
    if (error !== undefined) throw error;
  }
}

const EACH_OBJECT_SCHEMA = {
  type: 'object',
  properties: {
    class: CLASS_FILTER_SCHEMA,
    association: ASSOCIATION_REF_SCHEMA,
    steps: { type: 'array', minItems: 1, items: { type: 'object', additionalProperties: {}, minProperties: 1, maxProperties: 1, description: 'a step' } },
  },
  required: ['steps'],
} as const satisfies Schema;
type EachObjectArgs = FromSchema<typeof EACH_OBJECT_SCHEMA>;

defineStep({
  name: 'each.object',
  description: 'Run nested steps once per object of the current association object_list whose class matches ($obis, $class, $version); one sub-step per object',
  generator: true,
  schema: EACH_OBJECT_SCHEMA,
  crossCheck: (args) => checkNested(args.steps),
  async run(ctx, args) {
    await ensureAssociation(ctx, args.association);
    const objects = (await currentObjects(ctx)).filter((o) => matchesClass(args.class, o.classId));
    if (objects.length === 0)
      throw new Inapplicable(`the object list of ${ctx.association?.name ?? 'the association'} holds no object of ${describeFilter(args.class)}`);
    await forEachObject(ctx, objects, (o) => runNested(ctx, args.steps, { $obis: o.obis, $class: o.classId, $version: o.version }));
  },
});
