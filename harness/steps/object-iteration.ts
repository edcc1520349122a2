/**
 * Iterating over the DUT's objects (docs/decisions/object-iteration.md): the objects of a device
 * are only known at run time, so a generator step reads the current association's object_list,
 * keeps the objects a filter selects, and does its work once per object. Each object becomes one
 * sub-step of the step's record, named by its OBIS, so the report shows which object failed.
 * Every object is judged, not only up to the first failure; the step's verdict is the worst one.
 */
import { type ClassFilter, type CosemObject, describeFilter, matchesClass, objectLabel, objectsOf } from '../classes/object-list';
import type { StepRecord } from '../engine/result';
import { bounded, stepBudgetMs, verdictOf } from '../engine/run-case';
import { ExpectationFailure, HarnessFault, Inapplicable, Inconclusive, type Status } from '../engine/verdict';
import type { AssociationProfile } from '../profile/types';
import { type AssociationRef, resolveAssociation } from './association-ref';
import type { StepContext } from './context';
import { describeOutcome } from './outcome';
import { manufacturerOf } from './security-params';
import { snObjects } from './sn-objects';

const LIST_RULE = 'Blue Book 4.4.3 (Association LN attribute 2, object_list): the current association lists its objects';
const OBJECT_LIST = { classId: 15, obis: '0-0:40.0.0.255', attribute: 2 } as const;

/** The object list read once per case and association: every generator step of the case reuses it. */
const cache = new WeakMap<
  StepContext,
  { readonly association: string; readonly objects: readonly CosemObject[]; readonly accessVersion: number; readonly assumed?: string }
>();

/**
 * The association the objects are read in: the open one, or (none open) the one `ref` names,
 * associated here; `ref` naming another than the open one is a suite mistake.
 */
export async function ensureAssociation(ctx: StepContext, ref: AssociationRef | undefined): Promise<AssociationProfile> {
  if (ctx.association) {
    if (ref !== undefined && ref !== 'current' && resolveAssociation(ctx, ref).name !== ctx.association.name) {
      throw new HarnessFault(
        `the step names association ${JSON.stringify(ref)} but ${ctx.association.name} is open; release it first`,
        'harness',
        'ASSOCIATION_MISMATCH',
      );
    }
    return ctx.association;
  }
  if (ref === 'current') throw new HarnessFault('no association is open (an earlier step must associate first)', 'harness', 'ASSOCIATION_NOT_OPEN');
  const a = resolveAssociation(ctx, ref);
  const outcome = await ctx.client.associate({
    name: a.name,
    clientSap: a.clientSap,
    referencing: a.referencing,
    authentication: a.authentication,
    ...(a.password ? { password: a.password } : {}),
    // HLS mechanism 2: the profile's algorithm.
    ...(a.authentication === 'hls-manufacturer' ? { hls: manufacturerOf(a, a.password) } : {}),
  });
  ctx.last = { op: 'associate', association: a, outcome };
  const said = describeOutcome(ctx.last);
  if (outcome.kind !== 'accepted') throw new Inconclusive(`precondition not met: association ${a.name} was not accepted (${said})`);
  ctx.association = a;
  ctx.note(`associated as ${a.name} to read the object list`);
  return a;
}

/** The objects of the association open now, from its object_list (read once per case). */
export async function currentObjects(ctx: StepContext): Promise<readonly CosemObject[]> {
  return (await listed(ctx)).objects;
}

/**
 * The object list of the open association, LN (Association LN attribute 2) or SN (Association
 * SN attributes 2 and 3, sn-objects.ts), and the Association LN version whose access_mode
 * encoding it uses.
 */
async function listed(ctx: StepContext) {
  const a = ctx.association;
  if (!a) throw new HarnessFault('reading the object list needs an open association', 'harness', 'ASSOCIATION_NOT_OPEN');
  const hit = cache.get(ctx);
  if (hit && hit.association === a.name) return hit;
  if (a.referencing === 'sn') {
    const sn = await snObjects(ctx);
    const entry = { association: a.name, ...sn };
    cache.set(ctx, entry);
    ctx.note(`object_list of ${a.name} (SN): ${sn.objects.length} objects${sn.assumed ? `; access rights assumed from the catalogue (${sn.assumed})` : ''}`);
    return entry;
  }
  const outcome = await ctx.client.get(OBJECT_LIST);
  ctx.last = { op: 'get', ref: OBJECT_LIST, outcome };
  if (outcome.kind !== 'data') throw new ExpectationFailure(LIST_RULE, 'the object_list (data)', describeOutcome(ctx.last));
  const objects = objectsOf(outcome.data);
  const entry = { association: a.name, objects, accessVersion: objects.find((o) => o.obis === OBJECT_LIST.obis)?.version ?? 0 };
  cache.set(ctx, entry);
  ctx.note(`object_list of ${a.name}: ${objects.length} objects`);
  return entry;
}

/**
 * What a class-filtered generator step works on: the association (opened if need be), every object
 * of its list, those the filter selects (none: inapplicable) and the version of the Association LN
 * that listed them (the object_list element's shape depends on it).
 */
export async function objectsOfClass(ctx: StepContext, ref: AssociationRef | undefined, filter: ClassFilter | undefined) {
  const association = await ensureAssociation(ctx, ref);
  const { objects: all, accessVersion: listVersion } = await listed(ctx);
  const objects = all.filter((o) => matchesClass(filter, o.classId));
  if (objects.length === 0) throw new Inapplicable(`the object list of ${association.name} holds no object of ${describeFilter(filter)}`);
  return { association, all, objects, listVersion };
}

const SEVERITY: Readonly<Record<Status, number>> = { passed: 0, 'passed-with-remarks': 0, inapplicable: 1, inconclusive: 2, broken: 3, failed: 4 };

/**
 * Runs `body` once per object, each as a sub-step of the running step; notes and sub-steps the
 * body makes land in the object's record. Throws the worst outcome after all objects ran.
 */
export async function forEachObject(ctx: StepContext, objects: readonly CosemObject[], body: (o: CosemObject) => Promise<void>): Promise<void> {
  const outer = { note: ctx.note, substep: ctx.substep };
  const results: { object: CosemObject; status: Status; error: unknown }[] = [];
  try {
    for (const [index, object] of objects.entries()) {
      const notes: string[] = [];
      const substeps: StepRecord[] = [];
      ctx.note = (text) => notes.push(text);
      ctx.substep = (r) => substeps.push(r);
      ctx.last = undefined;
      const startMs = ctx.elapsed?.() ?? 0;
      let status: Status = 'passed';
      let message: string | undefined;
      let error: unknown;
      try {
        await body(object);
      } catch (e) {
        const v = verdictOf(e, false);
        status = v.status;
        message = v.reason;
        error = e;
      }
      results.push({ object, status, error });
      outer.substep?.({
        index,
        name: `object ${objectLabel(object)}`,
        args: { obis: object.obis, class: object.classId, version: object.version },
        precondition: false,
        status,
        notes,
        ...(message === undefined ? {} : { message }),
        startMs,
        endMs: ctx.elapsed?.() ?? 0,
        ...(substeps.length ? { substeps } : {}),
      });
    }
  } finally {
    ctx.note = outer.note;
    if (outer.substep) ctx.substep = outer.substep;
  }
  const count = (s: Status) => results.filter((r) => r.status === s).length;
  ctx.note(
    `${results.length} object(s): ${(['passed', 'failed', 'inconclusive', 'inapplicable', 'broken'] as const).map((s) => `${count(s)} ${s}`).join(', ')}`,
  );
  const worst = results.reduce<(typeof results)[number] | undefined>((w, r) => (!w || SEVERITY[r.status] > SEVERITY[w.status] ? r : w), undefined);
  if (!worst || worst.status === 'passed') return;
  if (worst.status === 'inapplicable') {
    // Some objects were judged: the step held for them. None was: the step is inapplicable.
    if (count('passed') > 0) return;
    throw new Inapplicable(`no object could be judged: ${reasonOf(worst.error)}`);
  }
  const others = results.filter((r) => r !== worst && r.status === worst.status).map((r) => r.object.obis);
  const also = others.length ? ` (also ${worst.status}: ${others.slice(0, 5).join(', ')}${others.length > 5 ? `, and ${others.length - 5} more` : ''})` : '';
  const e = worst.error;
  if (e instanceof ExpectationFailure) throw new ExpectationFailure(e.rule, `${worst.object.obis}: ${e.expected}`, `${e.actual}${also}`);
  if (e instanceof Inconclusive) throw new Inconclusive(`${worst.object.obis}: ${e.message}${also}`);
  throw e;
}

function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Bounds one unit of a generator's work as the engine bounds a step. */
export async function boundedStep<T>(ctx: StepContext, work: Promise<T>, what: string): Promise<T> {
  return bounded(work, stepBudgetMs(ctx.profile), what);
}
