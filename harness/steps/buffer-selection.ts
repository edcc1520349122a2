/**
 * `check.buffer-selection: { obis, select }` — selective access to a Profile generic buffer
 * (Blue Book 4.3.6, attribute 2) returns exactly the rows and columns selected. The reference is
 * the buffer read whole, so the check needs nothing from the profile and works on any meter:
 *
 *   range          selector 1 on the clock column, from row 2's time to row 5's (both included)
 *                  → exactly rows 2..5
 *   range-columns  the same range, selected_values [clock, last column] → those two columns only
 *   range-empty    a range one day before the oldest row → an empty array
 *   entry          selector 2, from_entry 2 to_entry 5 (entries count from 1) → rows 2..5
 *   entry-columns  the same entries, from_selected_value 2 to 2 → the second column only
 *
 * A capture between the two whole reads that bracket the selective one moves the buffer: the
 * check is then repeated once, and is inconclusive if the buffer moved again.
 */
import type { AttributeRef } from '../../client/api';
import type { Data } from '../../dlms/axdr/data';
import { encodeDataBytes } from '../../dlms/axdr/data-codec';
import { dateTimeFromDate, dateTimeFromOctetString, dateTimeToDate, dateTimeToOctetString } from '../../dlms/axdr/datetime';
import { formatData } from '../../dlms/axdr/format';
import { bytesEqual } from '../../dlms/bytes';
import { obisFromBytes } from '../../dlms/cosem/obis';
import {
  ACCESS_SELECTOR,
  type CaptureObjectDefinition,
  captureObjectToData,
  entryDescriptorToData,
  rangeDescriptorToData,
} from '../../dlms/cosem/selective-access';
import { ExpectationFailure, HarnessFault, Inapplicable, Inconclusive } from '../engine/verdict';
import { currentObjects } from './object-iteration';
import type { StepContext } from './context';
import { describeOutcome } from './outcome';
import { defineStep } from './registry';
import type { Schema } from '../yaml/schema';
import type { FromSchema } from '../yaml/from-schema';

const SELECTS = ['range', 'range-columns', 'range-empty', 'entry', 'entry-columns'] as const;
type Select = (typeof SELECTS)[number];


const PROFILE_GENERIC = 7;
const BUFFER = 2;
const CAPTURE_OBJECTS = 3;
/** Blue Book 4.5.1: the Clock's time, the usual restricting column of a load profile. */
const CLOCK = { classId: 8, attribute: 2 } as const;
/** Rows 2..5 (1-based): a window that touches neither end of the buffer. */
const FIRST = 2;
const LAST = 5;
const MIN_ROWS = LAST + 1;
const DAY_MS = 86_400_000;

const RULE: Readonly<Record<Select, string>> = {
  range: 'Blue Book 4.3.6 (Profile generic buffer, selector 1 range_descriptor): exactly the rows whose restricting value lies in [from_value, to_value]',
  'range-columns': 'Blue Book 4.3.6 (range_descriptor selected_values): only the selected capture objects, in the order selected',
  'range-empty': 'Blue Book 4.3.6 (range_descriptor): a range that holds no row returns an empty array',
  entry: 'Blue Book 4.3.6 (Profile generic buffer, selector 2 entry_descriptor): exactly entries from_entry..to_entry, the first entry being 1',
  'entry-columns': 'Blue Book 4.3.6 (entry_descriptor from_selected_value..to_selected_value): only those columns, the first being 1',
};

function equal(a: Data, b: Data): boolean {
  return bytesEqual(encodeDataBytes(a), encodeDataBytes(b));
}

function rowsOf(d: Data): readonly Data[] {
  return d.type === 'array' || d.type === 'compact-array' ? d.items : [];
}

function columnDefinitions(d: Data): CaptureObjectDefinition[] {
  if (d.type !== 'array') return [];
  return d.items.flatMap((c) => {
    if (c.type !== 'structure' || c.items.length !== 4) return [];
    const [cls, ln, attr, idx] = c.items as [Data, Data, Data, Data];
    if (cls.type !== 'long-unsigned' || ln.type !== 'octet-string' || ln.value.length !== 6 || attr.type !== 'integer' || idx.type !== 'long-unsigned') return [];
    return [{ classId: cls.value, logicalName: obisFromBytes(ln.value), attributeIndex: attr.value, dataIndex: idx.value }];
  });
}

async function read(ctx: StepContext, ref: AttributeRef, what: string): Promise<Data> {
  const outcome = await ctx.client.get(ref);
  ctx.last = { op: 'get', ref, outcome };
  const said = describeOutcome(ctx.last);
  ctx.note(`${what} → ${said.length > 160 ? `${said.slice(0, 160)}…` : said}`);
  if (outcome.kind !== 'data') throw new ExpectationFailure(`Blue Book 4.3.6 (Profile generic): ${what} is served`, 'data', said);
  return outcome.data;
}

/** A date-time octet-string `ms` away from `d` (same deviation and status), or undefined. */
function shifted(d: Data, ms: number): Data | undefined {
  if (d.type !== 'octet-string' || d.value.length !== 12) return undefined;
  const dt = dateTimeFromOctetString(d.value);
  const at = dateTimeToDate(dt);
  if (!at) return undefined;
  const moved = dateTimeFromDate(new Date(at.getTime() + ms), dt.deviation ?? 0, { clockStatus: dt.clockStatus ?? 0 });
  return { type: 'octet-string', value: dateTimeToOctetString(moved) };
}

interface Plan {
  readonly ref: AttributeRef;
  readonly expected: readonly Data[];
  readonly describe: string;
}

function plan(select: Select, base: Omit<AttributeRef, 'selector'>, rows: readonly Data[], columns: readonly CaptureObjectDefinition[]): Plan {
  const window = rows.slice(FIRST - 1, LAST);
  const pick = (row: Data, at: readonly number[]): Data => ({ type: 'structure', items: at.map((i) => (row as { items: readonly Data[] }).items[i]!) });
  if (select === 'entry' || select === 'entry-columns') {
    const onlySecond = select === 'entry-columns';
    const parameters = entryDescriptorToData({ fromEntry: FIRST, toEntry: LAST, fromSelectedValue: onlySecond ? 2 : 1, toSelectedValue: onlySecond ? 2 : 0 });
    return {
      ref: { ...base, selector: { selector: ACCESS_SELECTOR.entry, parameters } },
      expected: onlySecond ? window.map((r) => pick(r, [1])) : window,
      describe: `entries ${FIRST}..${LAST}${onlySecond ? ', column 2 only' : ''}`,
    };
  }
  const clock = columns.findIndex((c) => c.classId === CLOCK.classId && c.attributeIndex === CLOCK.attribute && c.dataIndex === 0);
  const clockOf = (row: Data | undefined): Data => (row as { items: readonly Data[] } | undefined)?.items[clock] ?? { type: 'null-data' };
  const restrictingObject = columns[clock]!;
  if (select === 'range-empty') {
    const from = shifted(clockOf(rows[0]), -2 * DAY_MS);
    const to = shifted(clockOf(rows[0]), -DAY_MS);
    if (!from || !to) throw new Inconclusive(`the oldest row's time ${formatData(clockOf(rows[0]))} is no complete date-time to shift`);
    return { ref: { ...base, selector: { selector: ACCESS_SELECTOR.range, parameters: rangeDescriptorToData({ restrictingObject, fromValue: from, toValue: to, selectedValues: [] }) } }, expected: [], describe: 'a range one day before the oldest row' };
  }
  const last = columns.length - 1;
  const selected = select === 'range-columns' ? [clock, last === clock ? 0 : last] : [];
  const parameters = rangeDescriptorToData({ restrictingObject, fromValue: clockOf(window[0]), toValue: clockOf(window[window.length - 1]), selectedValues: selected.map((i) => columns[i]!) });
  return {
    ref: { ...base, selector: { selector: ACCESS_SELECTOR.range, parameters } },
    expected: selected.length ? window.map((r) => pick(r, selected)) : window,
    describe: `the range ${formatData(clockOf(window[0]))} .. ${formatData(clockOf(window[window.length - 1]))}${selected.length ? `, columns ${selected.map((i) => i + 1).join(' and ')} only` : ''}`,
  };
}

function summary(rows: readonly Data[]): string {
  if (rows.length === 0) return 'no rows';
  const first = formatData(rows[0]!, { maxItems: 4 });
  return rows.length === 1 ? `1 row: ${first}` : `${rows.length} rows, first ${first}, last ${formatData(rows[rows.length - 1]!, { maxItems: 4 })}`;
}

async function attempt(ctx: StepContext, args: BufferSelectionArgs, columns: readonly CaptureObjectDefinition[]): Promise<boolean> {
  const base = { classId: PROFILE_GENERIC, obis: args.obis, attribute: BUFFER };
  const before = rowsOf(await read(ctx, base, `GET ${args.obis} buffer (whole, the reference)`));
  if (before.length < MIN_ROWS) throw new Inconclusive(`the buffer holds ${before.length} rows; the check needs at least ${MIN_ROWS}`);
  if (before.some((r) => r.type !== 'structure' || r.items.length !== columns.length)) {
    throw new Inconclusive(`buffer rows do not have one element per capture object (${columns.length}); the class suite judges that`);
  }
  const p = plan(args.select, base, before, columns);
  const got = await read(ctx, p.ref, `GET ${args.obis} buffer, ${p.describe}`);
  const after = rowsOf(await read(ctx, base, `GET ${args.obis} buffer (whole, again)`));
  if (after.length !== before.length || after.some((r, i) => !equal(r, before[i]!))) return false;
  const rows = rowsOf(got);
  const same = got.type === 'array' && rows.length === p.expected.length && rows.every((r, i) => equal(r, p.expected[i]!));
  if (!same) throw new ExpectationFailure(RULE[args.select], `${p.describe}: ${summary(p.expected)}`, got.type === 'array' ? summary(rows) : formatData(got, { maxItems: 4 }));
  ctx.note(`${p.describe}: exactly ${summary(p.expected)}`);
  return true;
}

const BUFFER_SELECTION_SCHEMA = {
  type: 'object',
  properties: {
    obis: { type: 'string', format: 'obis', description: 'the Profile generic object' },
    select: { type: 'string', enum: [...SELECTS], description: 'which selection to check' },
  },
  required: ['obis', 'select'],
} as const satisfies Schema;
type BufferSelectionArgs = FromSchema<typeof BUFFER_SELECTION_SCHEMA>;

defineStep({
  name: 'check.buffer-selection',
  description: 'Selective access to a Profile generic buffer (by range on the clock column, by entry, with column selection, an empty range) returns exactly what the whole buffer says it should',
  schema: BUFFER_SELECTION_SCHEMA,
  async run(ctx, args) {
    if (!ctx.association) throw new HarnessFault('check.buffer-selection needs an open association', 'harness', 'ASSOCIATION_NOT_OPEN');
    const object = (await currentObjects(ctx)).find((o) => o.obis === args.obis && o.classId === PROFILE_GENERIC);
    if (!object) throw new Inapplicable(`the object list holds no Profile generic ${args.obis}`);
    const selector = args.select.startsWith('range') ? ACCESS_SELECTOR.range : ACCESS_SELECTOR.entry;
    if (!object.attributes.find((a) => a.id === BUFFER)?.selectors.includes(selector)) {
      throw new Inapplicable(`the object list grants no access selector ${selector} on ${args.obis} buffer`);
    }
    const columns = columnDefinitions(await read(ctx, { classId: PROFILE_GENERIC, obis: args.obis, attribute: CAPTURE_OBJECTS }, `GET ${args.obis} capture_objects`));
    if (selector === ACCESS_SELECTOR.range && !columns.some((c) => c.classId === CLOCK.classId && c.attributeIndex === CLOCK.attribute && c.dataIndex === 0)) {
      throw new Inapplicable(`${args.obis} captures no clock time to restrict a range by (capture_objects: ${columns.map((c) => formatData(captureObjectToData(c))).join(', ')})`);
    }
    if (await attempt(ctx, args, columns)) return;
    ctx.note('the buffer moved (a capture) between the reads: once more');
    if (!(await attempt(ctx, args, columns))) throw new Inconclusive('the buffer moved between the reads twice; no stable reference to compare with');
  },
});
