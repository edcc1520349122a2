/**
 * `check.object-list: { association?: current, from? }` — the object_list of the current
 * association (Association LN, class 15, attribute 2; Blue Book Ed. 12 4.4.4) is well formed,
 * lists no logical name twice, and lists the two objects every logical device must have
 * (Blue Book 4.1.8): the current association 0-0:40.0.0.255 and the logical device name
 * 0-0:42.0.0.255.
 */
import type { Data } from '../../dlms/axdr/data';
import { formatData } from '../../dlms/axdr/format';
import { ExpectationFailure, HarnessFault } from '../engine/verdict';
import { describeOutcome } from './outcome';
import { defineStep } from './registry';

const LIST_RULE = 'Blue Book 4.4.4 (Association LN attribute 2, object_list)';
const MANDATORY_RULE = 'Blue Book 4.1.8 (every logical device holds the current association and the logical device name objects)';
const CURRENT_ASSOCIATION = { classId: 15, obis: '0-0:40.0.0.255', attribute: 2 } as const;
const MANDATORY = [
  { classId: 15, obis: '0-0:40.0.0.255', what: 'the current association' },
  { classId: 1, obis: '0-0:42.0.0.255', what: 'the COSEM logical device name' },
] as const;

export interface ObjectListEntry {
  readonly classId: number;
  readonly version: number;
  readonly obis: string;
}

/** Checks one object_list and returns its entries; throws ExpectationFailure at the first broken rule. */
export function checkObjectList(list: Data): ObjectListEntry[] {
  if (list.type !== 'array') {
    throw new ExpectationFailure(LIST_RULE, 'an array of object_list_element', shown(list));
  }
  const entries: ObjectListEntry[] = [];
  const seen = new Map<string, number>();
  list.items.forEach((el, i) => {
    const at = `object_list[${i}]`;
    const fields = structureOf(el, 4, `${at}: a structure of class_id, version, logical_name, access_rights`);
    const [classId, version, ln, access] = fields as [Data, Data, Data, Data];
    if (classId.type !== 'long-unsigned') throw new ExpectationFailure(LIST_RULE, `${at}.class_id: long-unsigned`, shown(classId));
    if (version.type !== 'unsigned') throw new ExpectationFailure(LIST_RULE, `${at}.version: unsigned`, shown(version));
    if (ln.type !== 'octet-string' || ln.value.length !== 6) throw new ExpectationFailure(LIST_RULE, `${at}.logical_name: octet-string of 6 bytes`, shown(ln));
    const rights = structureOf(access, 2, `${at}.access_rights: a structure of attribute_access and method_access`);
    rights.forEach((r, k) => {
      if (r.type !== 'array')
        throw new ExpectationFailure(LIST_RULE, `${at}.access_rights.${k === 0 ? 'attribute_access' : 'method_access'}: an array`, shown(r));
    });
    const obis = obisOf(ln.value);
    const first = seen.get(obis);
    if (first !== undefined) {
      throw new ExpectationFailure(LIST_RULE, `each logical name listed once`, `${obis} at object_list[${first}] and object_list[${i}]`);
    }
    seen.set(obis, i);
    entries.push({ classId: classId.value, version: version.value, obis });
  });
  for (const m of MANDATORY) {
    if (!entries.some((e) => e.obis === m.obis && e.classId === m.classId)) {
      throw new ExpectationFailure(MANDATORY_RULE, `${m.what} (class ${m.classId}, ${m.obis}) in the object_list`, `${entries.length} entries without it`);
    }
  }
  return entries;
}

function structureOf(d: Data, n: number, expected: string): readonly Data[] {
  if (d.type !== 'structure' || d.items.length !== n) throw new ExpectationFailure(LIST_RULE, expected, shown(d));
  return d.items;
}

function shown(d: Data): string {
  return formatData(d, { maxItems: 6 });
}

function obisOf(b: Uint8Array): string {
  return `${b[0]}-${b[1]}:${b[2]}.${b[3]}.${b[4]}.${b[5]}`;
}

defineStep({
  name: 'check.object-list',
  description: 'Check the current association object_list: well formed, no logical name twice, lists 0-0:40.0.0.255 and 0-0:42.0.0.255',
  schema: {
    type: 'object',
    properties: {
      association: { type: 'string', enum: ['current'], description: 'the association open now (the only one a server shows)' },
      from: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9]*$', description: 'check data kept by an earlier get (as:) instead of reading it' },
    },
  },
  async run(ctx, args) {
    let list: Data | undefined;
    if (args.from !== undefined) {
      list = ctx.vars.get(args.from);
      if (!list) throw new HarnessFault(`no data kept under "${args.from}" (an earlier get with as: ${args.from} must succeed first)`, 'harness', 'VAR_UNSET');
    } else {
      if (!ctx.association) throw new HarnessFault('check.object-list needs an open association (associate first)', 'harness', 'ASSOCIATION_NOT_OPEN');
      const outcome = await ctx.client.get(CURRENT_ASSOCIATION);
      ctx.last = { op: 'get', ref: CURRENT_ASSOCIATION, outcome };
      if (outcome.kind !== 'data') {
        throw new ExpectationFailure(LIST_RULE, 'the object_list (data)', describeOutcome(ctx.last));
      }
      list = outcome.data;
    }
    const entries = checkObjectList(list);
    ctx.note(`object_list: ${entries.length} objects, each listed once, current association and logical device name present`);
  },
});
