/**
 * `check.walk: { aspect, class?, association? }` — the COSEM object walk of DLMS UA 1001-6 §7.2,
 * over every object of the association's object_list, one sub-step per object. Each aspect is
 * one rule, so that each case names the fault it catches:
 *
 *   counts        the object list's attribute and method counts match the class version in the
 *                 catalogue (Blue Book 4.4.3 object_list_element; 4.x the class). A class or
 *                 version the catalogue lacks is a remark "not checked: class 92 v0 unknown";
 *                 a manufacturer-specific class a note (harness/classes/class-standing.ts).
 *   read-refusals an attribute the object list grants no read access is refused with a
 *                 data-access-result (Green Book 9.3.6), never served.
 *   writes        an attribute with write access: the value read is written back and read again
 *                 unchanged (Green Book 9.3.7), and a value of a wrong type is refused; whatever
 *                 was accepted is restored. Inconclusive when nothing could be written safely.
 *   methods-without-access   a method the object list grants no access is refused (Green
 *                 Book 9.3.8); inapplicable where the object list shows none.
 *   undefined-methods        a method index past those the class version defines is refused.
 *
 * Reading values and checking their types and class rules is `check.attributes`' job.
 */
import type { ActionOutcome } from '../../client/api';
import type { Data } from '../../dlms/axdr/data';
import { formatData } from '../../dlms/axdr/format';
import type { InterfaceClassDef } from '../../dlms/cosem/catalogue/catalogue';
import { defaultValue } from '../../dlms/cosem/catalogue/default-value';
import { parseTypeSpec } from '../../dlms/cosem/catalogue/type-spec';
import { classStanding, NotCheckedTally, notChecked, UNKNOWN_CLASS_CLAUSE } from '../classes/class-standing';
import { type CosemObject, readAccess } from '../classes/object-list';
import { ExpectationFailure, Inapplicable, Inconclusive } from '../engine/verdict';
import { ASSOCIATION_REF_SCHEMA } from './association-ref';
import type { StepContext } from './context';
import { CLASS_FILTER_SCHEMA } from './each-object';
import { boundedStep, forEachObject, objectsOfClass } from './object-iteration';
import { getValue, invoke, setValue } from './object-ops';
import { getAttribute, ownMethodName, speaksSn } from './cosem-access';
import { describeOutcome } from './outcome';
import { defineStep } from './registry';
import { remark, valuesEqual, wrongTypeFor, writeAccess, WALK_SKIPS_WRITE } from './object-walk-rules';

const ASPECTS = ['counts', 'read-refusals', 'writes', 'methods-without-access', 'undefined-methods'] as const;

/**
 * The clauses a rule cites, by the referencing of the open association: GET, SET and ACTION
 * (Green Book 9.3.6-9.3.8) and Association LN's object_list (Blue Book 4.4.3) over LN; READ and
 * WRITE (Green Book 9.3, ReadRequest/WriteRequest; a method is a READ of its name with
 * parameterized access) and Association SN's object_list (Blue Book 4.4.2) over SN.
 */
interface Services {
  readonly read: string;
  readonly write: string;
  readonly writeName: string;
  readonly method: string;
  /** How a method is invoked, as the undefined-method rule names it. */
  readonly invoking: string;
  readonly list: string;
}
const LN_SERVICES: Services = {
  read: 'Green Book 9.3.6',
  write: 'Green Book 9.3.7',
  writeName: 'SET',
  method: 'Green Book 9.3.8',
  invoking: 'an ACTION on',
  list: 'Blue Book 4.4.3',
};
const SN_SERVICES: Services = {
  read: 'Green Book 9.3 (ReadRequest)',
  write: 'Green Book 9.3 (WriteRequest)',
  writeName: 'WRITE',
  method: 'Green Book 9.3 (ReadRequest of a method name, parameterized access)',
  invoking: 'a READ of the name of',
  list: 'Blue Book 4.4.2',
};
const services = (ctx: StepContext): Services => (speaksSn(ctx) ? SN_SERVICES : LN_SERVICES);

const countRule = (s: Services): string => `${s.list} (object_list_element: access_rights list every attribute and method of the class version)`;
const readRefusalRule = (s: Services): string => `${s.read} and ${s.list}: an attribute without read access is refused with a data-access-result`;
const writeRule = (s: Services): string => `${s.write} and ${s.list}: an attribute with write access takes a value of its type and keeps it`;
const wrongTypeRule = (s: Services): string => `${s.write}: a ${s.writeName} of a value of the wrong type is refused (type-unmatched)`;
const methodAccessRule = (s: Services): string => `${s.method} and ${s.list}: a method without access is refused`;
const undefinedMethodRule = (s: Services): string => `${s.method}: ${s.invoking} a method index the class does not define is refused (object-undefined)`;
/** Where the standard allows another refusal than the preferred one (docs/decisions/object-walk.md). */
const REFUSAL_CLAUSE = 'docs/decisions/object-walk.md (refusal codes)';

/** Per case: objects the catalogue cannot judge, and what the writes achieved. */
interface Tally {
  notChecked: NotCheckedTally;
  written: number;
  withoutAccess: number;
  methodsRefusedByConformance: boolean;
  /** Why methods could not be named (over SN: the class's method offset unknown). */
  unnamed: Set<string>;
}

function catalogueDef(ctx: StepContext, o: CosemObject, tally: Tally): InterfaceClassDef | undefined {
  const standing = classStanding(o.classId, o.version);
  if (standing.kind === 'known') return standing.def;
  // A class or version of the DLMS UA's range the catalogue lacks is a remark (the meter's
  // answer goes unjudged); a manufacturer's or user group's class is noted and counted apart.
  const { text, remark: againstMeter } = notChecked(o.classId, o.version, standing);
  tally.notChecked.add(againstMeter);
  if (againstMeter) remark(ctx, `${o.obis}: ${text}`, UNKNOWN_CLASS_CLAUSE);
  else ctx.note(text);
  return undefined;
}

/**
 * The methods listed are the class version's own, or those together with the rows the Blue Book
 * keeps as "reserved from previous versions" below the highest method index (Association SN v2
 * lists 1..8, of which 1, 2 and 7 are reserved): a meter may list a reserved row, whose index
 * the class still holds, and the Gurux meter does. Anything else is a wrong count.
 */
export function methodsListedAsDefined(listed: readonly { readonly id: number }[], def: Pick<InterfaceClassDef, 'methods'>): boolean {
  const ids = listed.map((m) => m.id).sort((a, b) => a - b);
  const defined = def.methods.map((m) => m.index).sort((a, b) => a - b);
  const highest = defined.at(-1) ?? 0;
  const withReserved = Array.from({ length: highest }, (_, i) => i + 1);
  const same = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
  return same(ids, defined) || same(ids, withReserved);
}

async function counts(ctx: StepContext, o: CosemObject, def: InterfaceClassDef): Promise<void> {
  const problems: string[] = [];
  if (o.attributes.length !== def.attributes.length) problems.push(`${o.attributes.length} attribute(s) listed, the class has ${def.attributes.length}`);
  if (o.methods && !methodsListedAsDefined(o.methods, def)) problems.push(`${o.methods.length} method(s) listed, the class has ${def.methods.length}`);
  if (problems.length === 0) return ctx.note(`${def.attributes.length} attributes and ${def.methods.length} methods, as ${def.name} v${def.version}`);
  if (def.provisional)
    return remark(ctx, `${problems.join('; ')} (the catalogue's ${def.name} v${def.version} is provisional)`, 'docs/decisions/class-catalogue.md');
  throw new ExpectationFailure(
    countRule(services(ctx)),
    `the access rights of ${def.name} v${def.version}: ${def.attributes.length} attributes, ${def.methods.length} methods`,
    problems.join('; '),
  );
}

async function readRefusals(ctx: StepContext, o: CosemObject, listVersion: number): Promise<void> {
  for (const a of o.attributes) {
    if (readAccess(listVersion, a.mode) !== 'none') continue;
    const ref = { classId: o.classId, obis: o.obis, attribute: a.id };
    const outcome = await boundedStep(ctx, getAttribute(ctx, ref), `GET ${o.obis}/${a.id}`);
    ctx.last = { op: 'get', ref, outcome };
    const said = describeOutcome(ctx.last);
    ctx.note(`attribute ${a.id} (access_mode ${a.mode}, not readable) → ${said}`);
    if (outcome.kind === 'data')
      throw new ExpectationFailure(
        readRefusalRule(services(ctx)),
        `attribute ${a.id} refused (read-write-denied)`,
        `served: ${formatData(outcome.data, { maxItems: 4 })}`,
      );
    if (outcome.kind !== 'data-access-result')
      throw new ExpectationFailure(readRefusalRule(services(ctx)), `attribute ${a.id} refused with a data-access-result`, said);
    if (outcome.result !== 'read-write-denied') remark(ctx, `attribute ${a.id} refused with ${outcome.result}, not read-write-denied`, REFUSAL_CLAUSE);
  }
}

async function writes(ctx: StepContext, o: CosemObject, def: InterfaceClassDef | undefined, listVersion: number, tally: Tally): Promise<void> {
  for (const a of o.attributes) {
    const access = writeAccess(listVersion, a.mode);
    if (access === 'none') continue;
    const skip = WALK_SKIPS_WRITE(o.classId, a.id);
    if (skip) {
      ctx.note(`attribute ${a.id}: not written (${skip})`);
      continue;
    }
    if (access === 'protected' || readAccess(listVersion, a.mode) !== 'plain') {
      ctx.note(`attribute ${a.id}: not written (${access === 'protected' ? 'needs a protected request' : 'not readable, so no value is known to write back'})`);
      continue;
    }
    const before = await getValue(ctx, o, a.id);
    const again = before && (await getValue(ctx, o, a.id));
    if (!before || !again) {
      ctx.note(`attribute ${a.id}: not written (it could not be read: ${describeOutcome(ctx.last!)})`);
      continue;
    }
    if (!valuesEqual(before, again)) {
      ctx.note(`attribute ${a.id}: not written (its value changes by itself, so writing it back would change the meter)`);
      continue;
    }
    const result = await setValue(ctx, o, a.id, before);
    ctx.note(`attribute ${a.id}: SET of the value read (${formatData(before, { maxItems: 3 })}) → ${result}`);
    if (result !== 'success') throw new ExpectationFailure(writeRule(services(ctx)), `attribute ${a.id} (access_mode ${a.mode}) written back: success`, result);
    tally.written++;
    const after = await getValue(ctx, o, a.id);
    if (!after || !valuesEqual(before, after)) {
      throw new ExpectationFailure(
        writeRule(services(ctx)),
        `attribute ${a.id} read back as written: ${formatData(before, { maxItems: 4 })}`,
        after ? formatData(after, { maxItems: 4 }) : describeOutcome(ctx.last!),
      );
    }
    const spec = def?.attributes.find((x) => x.index === a.id)?.type;
    const wrong = spec === undefined ? undefined : wrongTypeFor(parseTypeSpec(spec), before);
    if (!wrong) {
      ctx.note(`attribute ${a.id}: no wrongly typed value to try (its type admits any)`);
      continue;
    }
    const refused = await setValue(ctx, o, a.id, wrong);
    ctx.note(`attribute ${a.id}: SET of a wrongly typed value (${formatData(wrong)}) → ${refused}`);
    if (refused === 'success') {
      const restored = await setValue(ctx, o, a.id, before);
      ctx.note(`attribute ${a.id}: restored the value read → ${restored}`);
      throw new ExpectationFailure(
        wrongTypeRule(services(ctx)),
        `attribute ${a.id} (${spec}) refuses ${wrong.type}`,
        `success${restored === 'success' ? ' (value restored)' : `; restoring it failed: ${restored}`}`,
      );
    }
    if (refused !== 'type-unmatched') remark(ctx, `attribute ${a.id}: the wrongly typed value was refused with ${refused}, not type-unmatched`, REFUSAL_CLAUSE);
  }
}

type Action = (method: number, parameters: Data | undefined) => Promise<ActionOutcome>;

/**
 * What the walk does with a method's answer: judge its result; take an exception-response,
 * confirmed-service-error or silence as the service not served in this association (nothing to
 * judge); but an answer that does not decode, or a connection the meter closed, is no refusal of
 * the service: it fails the check (the Gurux meter's truncated action-response and its crash on
 * an undefined SN method name were once reported as "not served", docs/interop/gurux-cpp.md).
 */
export function methodAnswer(outcome: ActionOutcome): 'judged' | 'not-served' | 'malformed' {
  if (outcome.kind === 'action-result') return 'judged';
  return outcome.kind === 'malformed' ? 'malformed' : 'not-served';
}

/** How methods are invoked in the open association, for the reason when they cannot be. */
function invocation(ctx: StepContext): string {
  return speaksSn(ctx) ? 'a READ of a method name (with parameterized access) is' : 'ACTION is';
}

function actionOn(ctx: StepContext, o: CosemObject): Action {
  return (method, parameters) => invoke(ctx, o, method, parameters);
}

async function methodsWithoutAccess(ctx: StepContext, o: CosemObject, def: InterfaceClassDef | undefined, tally: Tally): Promise<void> {
  const action = actionOn(ctx, o);
  for (const m of o.methods ?? []) {
    if (tally.methodsRefusedByConformance || m.mode !== 0) continue;
    const parameter = def?.methods.find((x) => x.index === m.id)?.parameter;
    const outcome = await action(m.id, parameter === undefined ? undefined : defaultValue(parseTypeSpec(parameter))).catch((e: unknown) => {
      if (e instanceof Inapplicable) tally.unnamed.add(e.message);
      throw e;
    });
    const said = describeOutcome(ctx.last!);
    ctx.note(`method ${m.id} (no access) → ${said}`);
    if (methodAnswer(outcome) === 'malformed')
      throw new ExpectationFailure(methodAccessRule(services(ctx)), `method ${m.id} refused (read-write-denied)`, said);
    if (outcome.kind !== 'action-result') {
      // ACTION itself is outside this association's negotiated conformance: nothing to judge here.
      tally.methodsRefusedByConformance = true;
      return ctx.note(`${invocation(ctx)} not served in this association (${said}); method access not checked here`);
    }
    tally.withoutAccess++;
    if (outcome.result === 'success')
      throw new ExpectationFailure(methodAccessRule(services(ctx)), `method ${m.id} refused (read-write-denied)`, 'success: the method ran without access');
    if (outcome.result !== 'read-write-denied')
      remark(ctx, `method ${m.id} without access refused with ${outcome.result}, not read-write-denied`, REFUSAL_CLAUSE);
  }
}

async function undefinedMethod(ctx: StepContext, o: CosemObject, def: InterfaceClassDef | undefined, tally: Tally): Promise<void> {
  if (tally.methodsRefusedByConformance) return;
  if (!def) return ctx.note('undefined method index not tried: the class is not in the catalogue');
  const undefinedIndex =
    Math.max(
      def.methods.reduce((n, m) => Math.max(n, m.index), 0),
      ...(o.methods ?? []).map((m) => m.id),
      0,
    ) + 1;
  // Over SN the index's short name must be this object's to ask (cosem-access.ts).
  await ownMethodName(ctx, { classId: o.classId, obis: o.obis, method: undefinedIndex });
  const outcome = await actionOn(ctx, o)(undefinedIndex, { type: 'integer', value: 0 });
  const said = describeOutcome(ctx.last!);
  ctx.note(`method ${undefinedIndex} (not defined by ${def.name} v${def.version}) → ${said}`);
  if (methodAnswer(outcome) === 'malformed')
    throw new ExpectationFailure(undefinedMethodRule(services(ctx)), `method ${undefinedIndex} refused (object-undefined)`, said);
  if (outcome.kind !== 'action-result') {
    tally.methodsRefusedByConformance = true;
    return ctx.note(`${invocation(ctx)} not served in this association (${said}); undefined method not checked here`);
  }
  if (outcome.result === 'success')
    throw new ExpectationFailure(undefinedMethodRule(services(ctx)), `method ${undefinedIndex} refused (object-undefined)`, 'success');
  if (outcome.result !== 'object-undefined')
    remark(ctx, `undefined method ${undefinedIndex} refused with ${outcome.result}, not object-undefined`, REFUSAL_CLAUSE);
}

defineStep({
  name: 'check.walk',
  description:
    'The object walk (DLMS UA 1001-6 §7.2) over every object of the object list, one aspect: counts, read-refusals, writes (write back, wrong type refused), methods-without-access or undefined-methods',
  generator: true,
  schema: {
    type: 'object',
    required: ['aspect'],
    properties: {
      aspect: { enum: [...ASPECTS], description: 'which rule of the walk to check' },
      class: CLASS_FILTER_SCHEMA,
      association: ASSOCIATION_REF_SCHEMA,
    },
  },
  async run(ctx, args) {
    const { association, objects, listVersion } = await objectsOfClass(ctx, args.association, args.class);
    const tally: Tally = { notChecked: new NotCheckedTally(), written: 0, withoutAccess: 0, methodsRefusedByConformance: false, unnamed: new Set() };
    await forEachObject(ctx, objects, async (o) => {
      // The walk is by access right: an object the association lists none for (an Association SN without access_rights_list) has nothing to walk by.
      if (o.accessAssumed) throw new Inapplicable(`${association.name} lists no access rights for ${o.obis}, so there is nothing to walk by`);
      const def = catalogueDef(ctx, o, tally);
      switch (args.aspect) {
        case 'counts':
          return def && counts(ctx, o, def);
        case 'read-refusals':
          return readRefusals(ctx, o, listVersion);
        case 'writes':
          return writes(ctx, o, def, listVersion, tally);
        case 'methods-without-access':
          return methodsWithoutAccess(ctx, o, def, tally);
        case 'undefined-methods':
          return undefinedMethod(ctx, o, def, tally);
        default: {
          const never: never = args.aspect;
          return never;
        }
      }
    });
    const notCheckedSummary = tally.notChecked.summary();
    if (notCheckedSummary) ctx.note(notCheckedSummary);
    if (args.aspect === 'writes') {
      ctx.note(`${tally.written} attribute(s) written back and read again`);
      if (tally.written === 0)
        throw new Inconclusive(`WRITE DATA NOT AVAILABLE: ${association.name} grants write access to no attribute that can be written back safely`);
    }
    if ((args.aspect === 'methods-without-access' || args.aspect === 'undefined-methods') && tally.methodsRefusedByConformance)
      throw new Inapplicable(`${invocation(ctx)} not served in ${association.name}`);
    if (args.aspect === 'methods-without-access' && tally.withoutAccess === 0 && tally.unnamed.size)
      throw new Inapplicable(`no method without access could be named: ${[...tally.unnamed].join('; ')}`);
    if (args.aspect === 'methods-without-access' && tally.withoutAccess === 0)
      throw new Inapplicable(`the object list of ${association.name} shows no method without access`);
  },
});
