/**
 * `with.target: { find, class?, minLength?, methods?, association?, steps: [...] }` — find, in the
 * object list of the open association (or of `association`, opened for the search and released
 * after it), one object that can carry the case's service, and run the nested steps on it with
 * `$obis`, `$class`, `$version` and `$attribute` or `$method` standing for it
 * (docs/decisions/discovered-targets.md). Kinds (targets.ts):
 *
 *   writable         plain read and write access, a simple type, a value that holds still; keeps
 *                    `held` (the value read) and `other` (the same type, one step away); after
 *                    the nested steps the value read is written back if it changed.
 *   read-only        plain read access, no write access, not logical_name; keeps `held`.
 *   long             a readable attribute of at least `minLength` bytes encoded, whose value holds
 *                    still; keeps `held`.
 *   method           an object granting plain access to every method of `methods`.
 *   undefined-method an object of a class the catalogue knows; `$method` is the first index its
 *                    class does not define.
 *
 * No object fits: the case is inapplicable, with what was looked for. Each nested step is a
 * sub-step of this step's record, as in each.object.
 *
 *   - with.target:
 *       find: writable
 *       steps:
 *         - set: { obis: $obis, class: $class, attribute: $attribute, value: { var: other } }
 *         - expect: { dataAccessResult: success }
 */
import type { Data } from '../../dlms/axdr/data';
import { encodeDataBytes } from '../../dlms/axdr/data-codec';
import { formatData } from '../../dlms/axdr/format';
import { type CosemObject, objectLabel } from '../classes/object-list';
import { Inapplicable } from '../engine/verdict';
import { ASSOCIATION_REF_SCHEMA } from './association-ref';
import type { StepContext } from './context';
import { CLASS_FILTER_SCHEMA, checkNested, runNested } from './each-object';
import { boundedStep, objectsOfClass } from './object-iteration';
import { valuesEqual } from './object-walk-rules';
import { describeOutcome } from './outcome';
import { defineStep } from './registry';
import type { Schema } from '../yaml/schema';
import { attributeCandidates, describeQuery, methodTarget, otherValue, TARGET_KINDS, type TargetQuery, undefinedMethodTarget } from './targets';

/** `writable` without minLength: a short value, so that the request and the answer fit one APDU anywhere. */
export const SHORT_VALUE_BYTES = 64;

/** At most this many attributes are read while looking for one that fits: the search stays bounded on a large meter. */
export const MAX_TARGET_READS = 64;

interface Found {
  readonly object: CosemObject;
  readonly attribute?: number;
  readonly method?: number;
  readonly held?: Data;
  readonly other?: Data;
}

async function read(ctx: StepContext, o: CosemObject, attribute: number): Promise<Data | undefined> {
  const ref = { classId: o.classId, obis: o.obis, attribute };
  const outcome = await boundedStep(ctx, ctx.client.get(ref), `GET ${o.obis}/${attribute}`);
  ctx.last = { op: 'get', ref, outcome };
  return outcome.kind === 'data' ? outcome.data : undefined;
}

async function findAttribute(ctx: StepContext, objects: readonly CosemObject[], listVersion: number, q: TargetQuery): Promise<Found | undefined> {
  let reads = 0;
  for (const c of attributeCandidates(objects, listVersion, q)) {
    if (reads >= MAX_TARGET_READS) {
      ctx.note(`stopped looking after ${MAX_TARGET_READS} reads`);
      return undefined;
    }
    reads++;
    const held = await read(ctx, c.object, c.attribute);
    if (!held) continue;
    const length = encodeDataBytes(held).length;
    if (q.minLength !== undefined ? length < q.minLength : q.kind === 'writable' && length > SHORT_VALUE_BYTES) continue;
    if (q.kind === 'read-only') return { object: c.object, attribute: c.attribute, held };
    const other = q.kind === 'writable' ? otherValue(held) : undefined;
    if (q.kind === 'writable' && !other) continue;
    // A value that moves by itself (a counter, a time) cannot be compared with a later read, and
    // writing it back would change the meter.
    reads++;
    const again = await read(ctx, c.object, c.attribute);
    if (again && valuesEqual(held, again)) return { object: c.object, attribute: c.attribute, held, ...(other ? { other } : {}) };
  }
  return undefined;
}

async function find(ctx: StepContext, objects: readonly CosemObject[], listVersion: number, q: TargetQuery): Promise<Found | undefined> {
  switch (q.kind) {
    case 'writable':
    case 'read-only':
    case 'long':
      return findAttribute(ctx, objects, listVersion, q);
    case 'method': {
      const object = methodTarget(objects, listVersion, q);
      return object && { object };
    }
    case 'undefined-method':
      return undefinedMethodTarget(objects, q);
    default: {
      const never: never = q.kind;
      return never;
    }
  }
}

/** Writes the value read back when the nested steps left another one; a teardown that never decides the case. */
async function restore(ctx: StepContext, t: Found, association: string): Promise<void> {
  if (t.held === undefined || t.attribute === undefined) return;
  if (ctx.association?.name !== association) {
    if (ctx.association === undefined) ctx.note(`${t.object.obis}/${t.attribute}: not restored (no association open after the steps)`);
    return;
  }
  const now = await read(ctx, t.object, t.attribute);
  if (now && valuesEqual(now, t.held)) return;
  const ref = { classId: t.object.classId, obis: t.object.obis, attribute: t.attribute };
  const outcome = await boundedStep(ctx, ctx.client.set(ref, t.held), `SET ${t.object.obis}/${t.attribute}`);
  const said = describeOutcome({ op: 'set', ref, outcome });
  ctx.note(`${t.object.obis}/${t.attribute}: the value read written back → ${said}`);
  if (outcome.kind !== 'set-result' || outcome.result !== 'success')
    ctx.remark(`${t.object.obis}/${t.attribute} could not be restored to the value read (${said})`, 'docs/decisions/discovered-targets.md');
}

const WITH_TARGET_SCHEMA = {
  type: 'object',
  properties: {
    find: { enum: [...TARGET_KINDS], description: 'what kind of target to look for' },
    class: CLASS_FILTER_SCHEMA,
    minLength: { type: 'integer', minimum: 1, maximum: 65535, description: 'writable, long: the encoded value is at least this many bytes' },
    methods: {
      type: 'array',
      minItems: 1,
      items: { type: 'integer', minimum: 1, maximum: 127 },
      description: 'method: the object grants access to each of these methods',
    },
    association: ASSOCIATION_REF_SCHEMA,
    steps: { type: 'array', minItems: 1, items: { type: 'object', additionalProperties: {}, minProperties: 1, maxProperties: 1, description: 'a step' } },
  },
  required: ['find', 'steps'],
} as const satisfies Schema;

defineStep({
  name: 'with.target',
  description:
    'Find in the object list one object that can carry the service (writable, read-only, long attribute, method with access, undefined method index) and run nested steps on it ($obis, $class, $version, $attribute, $method); inapplicable when none fits',
  generator: true,
  schema: WITH_TARGET_SCHEMA,
  crossCheck: (args) =>
    args.find === 'method' && !args.methods?.length
      ? { path: ['methods'], code: 'TARGET_NO_METHODS', expected: 'methods: [index, …] with find: method', actual: 'no methods' }
      : checkNested(args.steps),
  async run(ctx, args) {
    const opened = ctx.association === undefined;
    const { association, all, objects, listVersion } = await objectsOfClass(ctx, args.association, args.class);
    const query: TargetQuery = {
      kind: args.find,
      ...(args.class === undefined ? {} : { class: args.class }),
      ...(args.minLength === undefined ? {} : { minLength: args.minLength }),
      ...(args.methods ? { methods: args.methods } : {}),
    };
    const t = await find(ctx, objects, listVersion, query);
    if (!t) throw new Inapplicable(`the object list of ${association.name} (${all.length} objects) holds no ${describeQuery(query)}`);
    const where =
      t.attribute !== undefined ? `attribute ${t.attribute}` : t.method !== undefined ? `method ${t.method}` : `methods ${(args.methods ?? []).join(', ')}`;
    ctx.note(`target: ${objectLabel(t.object)} ${where}${t.held ? `, holding ${formatData(t.held, { maxItems: 3 })}` : ''}`);
    if (t.held) ctx.vars.set('held', t.held);
    if (t.other) ctx.vars.set('other', t.other);
    if (opened) {
      // The search's own association: the nested steps associate as the case needs.
      const outcome = await boundedStep(ctx, ctx.client.release(), 'release');
      if (outcome.kind === 'released') ctx.association = undefined;
    }
    const vars = {
      $obis: t.object.obis,
      $class: t.object.classId,
      $version: t.object.version,
      ...(t.attribute === undefined ? {} : { $attribute: t.attribute }),
      ...(t.method === undefined ? {} : { $method: t.method }),
    };
    try {
      await runNested(ctx, args.steps, vars);
    } finally {
      if (args.find === 'writable')
        await restore(ctx, t, association.name).catch((e: unknown) =>
          ctx.note(`${t.object.obis}: not restored (${e instanceof Error ? e.message : String(e)})`),
        );
    }
  },
});
