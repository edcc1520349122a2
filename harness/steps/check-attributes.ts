/**
 * `check.attributes: { class?, association?, bufferEntries? }` — for every object of the class in
 * the current association's object_list: GET every attribute the object list says is readable
 * (its access_mode), and judge each value against the interface-class catalogue's type (Blue
 * Book chapter 4) and the class's own rules (harness/classes/semantics). One sub-step per object.
 *
 * A refused GET of an attribute the object list grants read access to breaks Blue Book 4.4.3
 * (the access rights the object list states are the ones the server applies). A Profile generic
 * buffer is read by entry selection, its first `bufferEntries` rows, when the object list says
 * selector 2 is served (a real meter's buffer can take minutes to read whole); 0 reads it whole.
 */
import type { AttributeRef } from '../../client/api';
import { bytesEqual } from '../../dlms/bytes';
import type { Data } from '../../dlms/axdr/data';
import { formatData } from '../../dlms/axdr/format';
import { attributeOf, type InterfaceClassDef } from '../../dlms/cosem/catalogue/catalogue';
import { checkType, parseTypeSpec, type TypeSpec } from '../../dlms/cosem/catalogue/type-spec';
import { ACCESS_SELECTOR, entryDescriptorToData } from '../../dlms/cosem/selective-access';
import { classStanding, NotCheckedTally, notChecked, UNKNOWN_CLASS_CLAUSE } from '../classes/class-standing';
import { DUMMY_CLASSES, DUMMY_CLAUSE, withoutDummies } from '../classes/dummy';
import { type CosemObject, readAccess } from '../classes/object-list';
import { type ClassSemantics, type Problem, type Reference, SEMANTICS } from '../classes/semantics';
import type { StepContext } from './context';
import { ExpectationFailure } from '../engine/verdict';
import { ASSOCIATION_REF_SCHEMA } from './association-ref';
import { CLASS_FILTER_SCHEMA } from './each-object';
import { boundedStep, forEachObject, objectsOfClass } from './object-iteration';
import { addressable, getAttribute } from './cosem-access';
import { describeOutcome } from './outcome';
import { defineStep } from './registry';

const ACCESS_RULE = 'Blue Book 4.4.3 (object_list access_rights): an attribute the object list grants read access to is read';
const LOGICAL_NAME_RULE = 'Blue Book 4.1.8.1 (logical_name): attribute 1 holds the logical name the object is addressed by';
const PROFILE_GENERIC = 7;
const BUFFER = 2;
const DEFAULT_BUFFER_ENTRIES = 10;
/** A note shows this much of a value; the trace holds all of it. */
const NOTE_LIMIT = 240;
/** The association object's own version tells how its access_mode values read (Blue Book 4.4.3). */

const specCache = new Map<string, TypeSpec>();
function specOf(text: string): TypeSpec {
  let s = specCache.get(text);
  if (!s) specCache.set(text, (s = parseTypeSpec(text)));
  return s;
}

function refFor(o: CosemObject, attribute: number, bufferEntries: number): AttributeRef {
  const ref = { classId: o.classId, obis: o.obis, attribute };
  const access = o.attributes.find((a) => a.id === attribute);
  if (o.classId !== PROFILE_GENERIC || attribute !== BUFFER || bufferEntries === 0 || !access?.selectors.includes(ACCESS_SELECTOR.entry)) return ref;
  const parameters = entryDescriptorToData({ fromEntry: 1, toEntry: bufferEntries, fromSelectedValue: 1, toSelectedValue: 0 });
  return { ...ref, selector: { selector: ACCESS_SELECTOR.entry, parameters } };
}

interface Finding {
  readonly rule: string;
  readonly expected: string;
  readonly actual: string;
}

function typeFinding(def: InterfaceClassDef, attribute: number, data: Data): Finding | undefined {
  const a = attributeOf(def, attribute);
  if (!a) return undefined;
  const problems = checkType(data, specOf(a.type));
  if (problems.length === 0) return undefined;
  return {
    rule: `Blue Book ${def.clause} (${def.name}, attribute types)`,
    expected: `attribute ${attribute} ${a.name} of type ${a.type}`,
    actual: `${formatData(data, { maxItems: 6 })} (${problems.slice(0, 3).join('; ')})`,
  };
}

function semanticFinding(def: InterfaceClassDef | undefined, classId: number, p: Problem): Finding {
  const rules = SEMANTICS[classId];
  const name = def ? attributeOf(def, p.attribute)?.name : undefined;
  return {
    rule: `Blue Book ${rules?.clause ?? def?.clause ?? '4'} (${def?.name ?? `class ${classId}`})`,
    expected: `attribute ${p.attribute}${name ? ` ${name}` : ''}: ${p.expected}`,
    actual: p.actual,
  };
}

/**
 * The value whose type is checked: for a static attribute of a class DLMS UA 1001-6 §7.3.10
 * names, without the all-zero dummy structures that would break its type (each set aside leaves
 * a remark; a dummy its type admits, such as an unset sort_object, needs no tolerance). The
 * class rules see the whole value: counts and positions include the dummies (semantics/ skip
 * them where it matters).
 */
function typedValue(ctx: StepContext, o: CosemObject, def: InterfaceClassDef | undefined, attribute: number, data: Data): Data | undefined {
  const a = def && attributeOf(def, attribute);
  if (!DUMMY_CLASSES.has(o.classId) || !a?.static || checkType(data, specOf(a.type)).length === 0) return data;
  const { value, dummies } = withoutDummies(data);
  if (dummies)
    ctx.remark(
      `${o.obis}: attribute ${attribute} ${a.name}: ${value ? `${dummies} all-zero dummy element(s)` : 'an all-zero dummy structure'} not judged`,
      DUMMY_CLAUSE,
    );
  return value;
}

const referenceKey = (r: Reference): string => `${r.classId}/${r.obis}/${r.attribute}`;

/** Reads the attributes of other objects a class's rules ask for (a monitored value's type, …). */
async function readReferences(ctx: StepContext, rules: ClassSemantics, values: ReadonlyMap<number, Data>): Promise<(ref: Reference) => Data | undefined> {
  const read = new Map<string, Data>();
  for (const ref of rules.references?.(values) ?? []) {
    if (!(await addressable(ctx, ref.classId, ref.obis))) {
      ctx.note(`referenced ${ref.obis}/${ref.attribute} (class ${ref.classId}): not in the SN object list, not read`);
      continue;
    }
    const outcome = await boundedStep(ctx, getAttribute(ctx, ref), `GET ${ref.obis}/${ref.attribute}`);
    ctx.last = { op: 'get', ref, outcome };
    ctx.note(`referenced ${ref.obis}/${ref.attribute} (class ${ref.classId}) → ${describeOutcome(ctx.last).slice(0, NOTE_LIMIT)}`);
    if (outcome.kind === 'data') read.set(referenceKey(ref), outcome.data);
  }
  return (ref) => read.get(referenceKey(ref));
}

defineStep({
  name: 'check.attributes',
  description:
    'For every object of the class: GET each attribute the object list grants read access to, check its catalogue type and the class rules; one sub-step per object',
  generator: true,
  schema: {
    type: 'object',
    properties: {
      class: CLASS_FILTER_SCHEMA,
      association: ASSOCIATION_REF_SCHEMA,
      bufferEntries: {
        type: 'integer',
        minimum: 0,
        maximum: 100000,
        description: 'Profile generic buffer rows to read by entry selection; 0: the whole buffer',
      },
    },
  },
  async run(ctx, args) {
    const { association, objects, listVersion } = await objectsOfClass(ctx, args.association, args.class);
    const bufferEntries = args.bufferEntries ?? DEFAULT_BUFFER_ENTRIES;

    const tally = new NotCheckedTally();
    await forEachObject(ctx, objects, async (o) => {
      const standing = classStanding(o.classId, o.version);
      const def = standing.kind === 'known' ? standing.def : undefined;
      if (standing.kind !== 'known') {
        const { text, remark } = notChecked(o.classId, o.version, standing);
        tally.add(remark);
        if (remark) ctx.remark(`${o.obis}: ${text}; readability checked, types not`, UNKNOWN_CLASS_CLAUSE);
        else ctx.note(`${text}; readability checked, types not`);
      }
      const values = new Map<number, Data>();
      const findings: Finding[] = [];
      for (const a of o.attributes) {
        const access = readAccess(listVersion, a.mode);
        if (access === 'none') continue;
        if (access === 'protected') {
          ctx.note(`attribute ${a.id}: access mode ${a.mode} needs a protected request; not read`);
          continue;
        }
        const ref = refFor(o, a.id, bufferEntries);
        const outcome = await boundedStep(ctx, getAttribute(ctx, ref), `GET ${o.obis}/${a.id}`);
        ctx.last = { op: 'get', ref, outcome };
        const said = describeOutcome(ctx.last);
        const name = def ? attributeOf(def, a.id)?.name : undefined;
        const shown = said.length > NOTE_LIMIT ? `${said.slice(0, NOTE_LIMIT)}…` : said;
        ctx.note(`attribute ${a.id}${name ? ` ${name}` : ''}${ref.selector ? ` (entries 1..${bufferEntries})` : ''} → ${shown}`);
        if (outcome.kind === 'data-access-result' && o.accessAssumed) {
          ctx.note(`attribute ${a.id}: refused; the association lists no access rights, so a refusal judges nothing`);
          continue;
        }
        if (outcome.kind !== 'data') {
          findings.push({ rule: ACCESS_RULE, expected: `attribute ${a.id}${name ? ` ${name}` : ''} read (access_mode ${a.mode})`, actual: said });
          continue;
        }
        if (a.id === 1 && !(outcome.data.type === 'octet-string' && bytesEqual(outcome.data.value, o.logicalName))) {
          findings.push({ rule: LOGICAL_NAME_RULE, expected: `logical_name ${o.obis}`, actual: formatData(outcome.data) });
        }
        values.set(a.id, outcome.data);
        const typed = typedValue(ctx, o, def, a.id, outcome.data);
        const typeIssue = def && typed && typeFinding(def, a.id, typed);
        if (typeIssue) findings.push(typeIssue);
      }
      const rules = SEMANTICS[o.classId];
      if (rules) {
        const referenced = await readReferences(ctx, rules, values);
        for (const p of rules.check({ object: o, values, association, referenced })) {
          const f = semanticFinding(def, o.classId, p);
          if (p.remark) ctx.remark(`${f.expected}: ${f.actual}`, f.rule);
          else findings.push(f);
        }
      }
      const [first, ...more] = findings;
      if (!first) return;
      const rest = more.length
        ? `; and ${more.length} more: ${more
            .slice(0, 3)
            .map((f) => `${f.expected}, got ${f.actual}`)
            .join('; ')}`
        : '';
      throw new ExpectationFailure(first.rule, first.expected, `${first.actual}${rest}`);
    });
    const notCheckedSummary = tally.summary();
    if (notCheckedSummary) ctx.note(notCheckedSummary);
  },
});
