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
 *   range-whole    from the oldest row's time to the newest's → every row
 *   range-between  bounds one second after row 2's instant and before row 5's → the rows between
 *   range-non-clock  restricted by the first numeric capture column, from row 2's value to
 *                  row 5's → every row whose value lies there (any row, not only 2..5)
 *   range-reversed from row 5's time to row 2's → nothing (an empty array; a refusal: remark)
 *   entry-one      entry 2, value 2 → one row of one element
 *   entry-to-last  from_entry 2, to_entry 0 → entries 2 to the last
 *   entry-reversed from_entry 5, to_entry 2 → nothing (empty; a refusal: remark)
 *   entry-past-end the three entries after the last → nothing (empty; a refusal: remark)
 *   entry-columns-out-of-range  entries 2..5, value one past the last column → rows of no
 *                  element (a refusal, or an empty array: remark)
 *
 * Every row is checked one by one against the buffer read whole (docs/decisions/
 * selective-access-results.md); the rows read are attached as a table and a chart. A buffer of
 * more than 1,000 entries is not read whole (DLMS UA 1001-6 §7.3.4.3: skipped), the check is
 * inconclusive; so is one with too few rows.
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
import { formatObis, obisFromBytes } from '../../dlms/cosem/obis';
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
import { rowAttachments } from './buffer-report';
import { describeOutcome } from './outcome';
import { defineStep } from './registry';
import { getAttribute } from './cosem-access';
import type { Schema } from '../yaml/schema';
import type { FromSchema } from '../yaml/from-schema';

const SELECTS = [
  'range',
  'range-columns',
  'range-empty',
  'entry',
  'entry-columns',
  'range-whole',
  'range-between',
  'range-non-clock',
  'range-reversed',
  'entry-one',
  'entry-to-last',
  'entry-reversed',
  'entry-past-end',
  'entry-columns-out-of-range',
] as const;
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
/** DLMS UA 1001-6 §7.3.4.3-4: the selective-access tests are skipped above 1,000 entries. */
export const MAX_ENTRIES = 1000;
const ENTRIES_IN_USE = 7;
const SECOND_MS = 1000;
const CLAUSE = 'docs/decisions/selective-access-results.md';

const RULE: Readonly<Record<Select, string>> = {
  range: 'Blue Book 4.3.6 (Profile generic buffer, selector 1 range_descriptor): exactly the rows whose restricting value lies in [from_value, to_value]',
  'range-columns': 'Blue Book 4.3.6 (range_descriptor selected_values): only the selected capture objects, in the order selected',
  'range-empty': 'Blue Book 4.3.6 (range_descriptor): a range that holds no row returns an empty array',
  entry: 'Blue Book 4.3.6 (Profile generic buffer, selector 2 entry_descriptor): exactly entries from_entry..to_entry, the first entry being 1',
  'entry-columns': 'Blue Book 4.3.6 (entry_descriptor from_selected_value..to_selected_value): only those columns, the first being 1',
  'range-whole': 'Blue Book 4.3.6 (range_descriptor): a range from the oldest row to the newest, both bounds included, returns every row',
  'range-between': 'Blue Book 4.3.6 (range_descriptor): bounds between capture instants select exactly the rows whose time lies between them',
  'range-non-clock':
    'Blue Book 4.3.6 (range_descriptor restricting_object: any capture object): the rows whose value in that column lies in [from_value, to_value]',
  'range-reversed': 'Blue Book 4.3.6 (range_descriptor): from_value after to_value selects no row',
  'entry-one': 'Blue Book 4.3.6 (entry_descriptor): from_entry = to_entry and one selected value give one row of one element',
  'entry-to-last': 'Blue Book 4.3.6 (entry_descriptor): to_entry 0 means the last entry',
  'entry-reversed': 'Blue Book 4.3.6 (entry_descriptor): from_entry after to_entry selects no entry',
  'entry-past-end': 'Blue Book 4.3.6 (entry_descriptor): entries past the last are not in the selection',
  'entry-columns-out-of-range': 'Blue Book 4.3.6 (entry_descriptor): values past the last capture object are not in the selection',
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
    if (cls.type !== 'long-unsigned' || ln.type !== 'octet-string' || ln.value.length !== 6 || attr.type !== 'integer' || idx.type !== 'long-unsigned')
      return [];
    return [{ classId: cls.value, logicalName: obisFromBytes(ln.value), attributeIndex: attr.value, dataIndex: idx.value }];
  });
}

async function read(ctx: StepContext, ref: AttributeRef, what: string): Promise<Data> {
  const outcome = await getAttribute(ctx, ref);
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
  /** The standard allows a refusal too (docs/decisions/selective-access-results.md): accepted with a remark. */
  readonly refusalAllowed?: boolean;
  /** Another answer the standard allows, accepted with a remark. */
  readonly alsoEmpty?: boolean;
}

/** The instant of a date-time or the number a value stands for, to compare rows with bounds. */
function ordinal(d: Data | undefined): number | undefined {
  if (!d) return undefined;
  if (d.type === 'octet-string' && d.value.length === 12) return dateTimeToDate(dateTimeFromOctetString(d.value))?.getTime();
  if ('value' in d && typeof d.value === 'number') return d.value;
  return 'value' in d && typeof d.value === 'bigint' ? Number(d.value) : undefined;
}

function cellOf(row: Data | undefined, at: number): Data {
  return (row as { items: readonly Data[] } | undefined)?.items[at] ?? { type: 'null-data' };
}

/** Rows whose value in column `at` lies in [from, to], from the buffer read whole. */
function within(rows: readonly Data[], at: number, from: Data, to: Data): Data[] {
  const lo = ordinal(from);
  const hi = ordinal(to);
  if (lo === undefined || hi === undefined) return [];
  return rows.filter((r) => {
    const v = ordinal(cellOf(r, at));
    return v !== undefined && v >= lo && v <= hi;
  });
}

function rangeRef(base: Omit<AttributeRef, 'selector'>, restrictingObject: CaptureObjectDefinition, fromValue: Data, toValue: Data): AttributeRef {
  return {
    ...base,
    selector: { selector: ACCESS_SELECTOR.range, parameters: rangeDescriptorToData({ restrictingObject, fromValue, toValue, selectedValues: [] }) },
  };
}

function entryRef(base: Omit<AttributeRef, 'selector'>, fromEntry: number, toEntry: number, fromSelectedValue: number, toSelectedValue: number): AttributeRef {
  return {
    ...base,
    selector: { selector: ACCESS_SELECTOR.entry, parameters: entryDescriptorToData({ fromEntry, toEntry, fromSelectedValue, toSelectedValue }) },
  };
}

/** The edges of §7.3.4 beyond the first five selections; undefined for those. */
function edgePlan(
  select: Select,
  base: Omit<AttributeRef, 'selector'>,
  rows: readonly Data[],
  columns: readonly CaptureObjectDefinition[],
  clock: number,
): Plan | undefined {
  const n = rows.length;
  const t = (i: number) => cellOf(rows[i - 1], clock);
  switch (select) {
    case 'range-whole':
      return {
        ref: rangeRef(base, columns[clock]!, t(1), t(n)),
        expected: within(rows, clock, t(1), t(n)),
        describe: `the range of the whole buffer ${formatData(t(1))} .. ${formatData(t(n))}`,
      };
    case 'range-between': {
      const from = shifted(t(FIRST), SECOND_MS);
      const to = shifted(t(LAST), -SECOND_MS);
      if (!from || !to) throw new Inconclusive(`row times ${formatData(t(FIRST))}, ${formatData(t(LAST))} are no complete date-times to move by a second`);
      return {
        ref: rangeRef(base, columns[clock]!, from, to),
        expected: within(rows, clock, from, to),
        describe: `the range ${formatData(from)} .. ${formatData(to)}, between capture instants`,
      };
    }
    case 'range-non-clock': {
      const at = columns.findIndex(
        (_c, i) => i !== clock && ordinal(cellOf(rows[FIRST - 1], i)) !== undefined && cellOf(rows[FIRST - 1], i).type !== 'octet-string',
      );
      if (at < 0) throw new Inapplicable('the buffer has no numeric column besides the clock to restrict a range by');
      const [a, b] = [cellOf(rows[FIRST - 1], at), cellOf(rows[LAST - 1], at)];
      const [from, to] = (ordinal(a) ?? 0) <= (ordinal(b) ?? 0) ? [a, b] : [b, a];
      return {
        ref: rangeRef(base, columns[at]!, from, to),
        expected: within(rows, at, from, to),
        describe: `the range ${formatData(from)} .. ${formatData(to)} on column ${at + 1}`,
      };
    }
    case 'range-reversed':
      return {
        ref: rangeRef(base, columns[clock]!, t(LAST), t(FIRST)),
        expected: [],
        describe: `the range ${formatData(t(LAST))} .. ${formatData(t(FIRST))} (from after to)`,
        refusalAllowed: true,
      };
    case 'entry-one':
      return {
        ref: entryRef(base, FIRST, FIRST, 2, 2),
        expected: [{ type: 'structure', items: [cellOf(rows[FIRST - 1], 1)] }],
        describe: `entry ${FIRST}, value 2 only`,
      };
    case 'entry-to-last':
      return { ref: entryRef(base, FIRST, 0, 1, 0), expected: rows.slice(FIRST - 1), describe: `entries ${FIRST} to the last (to_entry 0)` };
    case 'entry-reversed':
      return { ref: entryRef(base, LAST, FIRST, 1, 0), expected: [], describe: `entries ${LAST}..${FIRST} (from after to)`, refusalAllowed: true };
    case 'entry-past-end':
      return { ref: entryRef(base, n + 1, n + 3, 1, 0), expected: [], describe: `entries ${n + 1}..${n + 3}, past the last (${n})`, refusalAllowed: true };
    case 'entry-columns-out-of-range': {
      const past = columns.length + 1;
      return {
        ref: entryRef(base, FIRST, LAST, past, past),
        expected: rows.slice(FIRST - 1, LAST).map(() => ({ type: 'structure', items: [] })),
        describe: `entries ${FIRST}..${LAST}, value ${past} (past the last of ${columns.length})`,
        refusalAllowed: true,
        alsoEmpty: true,
      };
    }
    default:
      return undefined;
  }
}

function plan(select: Select, base: Omit<AttributeRef, 'selector'>, rows: readonly Data[], columns: readonly CaptureObjectDefinition[]): Plan {
  const clockAt = columns.findIndex((c) => c.classId === CLOCK.classId && c.attributeIndex === CLOCK.attribute && c.dataIndex === 0);
  const edge = edgePlan(select, base, rows, columns, clockAt);
  if (edge) return edge;
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
    return { ref: rangeRef(base, restrictingObject, from, to), expected: [], describe: 'a range one day before the oldest row', refusalAllowed: true };
  }
  const last = columns.length - 1;
  const selected = select === 'range-columns' ? [clock, last === clock ? 0 : last] : [];
  const parameters = rangeDescriptorToData({
    restrictingObject,
    fromValue: clockOf(window[0]),
    toValue: clockOf(window[window.length - 1]),
    selectedValues: selected.map((i) => columns[i]!),
  });
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
  const inUse = await getAttribute(ctx, { classId: PROFILE_GENERIC, obis: args.obis, attribute: ENTRIES_IN_USE });
  if (inUse.kind === 'data' && 'value' in inUse.data && typeof inUse.data.value === 'number' && inUse.data.value > MAX_ENTRIES) {
    throw new Inconclusive(`entries_in_use is ${inUse.data.value}: above ${MAX_ENTRIES} entries the buffer is not read whole (DLMS UA 1001-6 §7.3.4.3)`);
  }
  const before = rowsOf(await read(ctx, base, `GET ${args.obis} buffer (whole, the reference)`));
  if (before.length > MAX_ENTRIES)
    throw new Inconclusive(`the buffer holds ${before.length} rows: above ${MAX_ENTRIES} the check is skipped (DLMS UA 1001-6 §7.3.4.3)`);
  if (before.length < MIN_ROWS) throw new Inconclusive(`the buffer holds ${before.length} rows; the check needs at least ${MIN_ROWS}`);
  if (before.some((r) => r.type !== 'structure' || r.items.length !== columns.length)) {
    throw new Inconclusive(`buffer rows do not have one element per capture object (${columns.length}); the class suite judges that`);
  }
  const p = plan(args.select, base, before, columns);
  const outcome = await getAttribute(ctx, p.ref);
  ctx.last = { op: 'get', ref: p.ref, outcome };
  const said = describeOutcome(ctx.last);
  ctx.note(`GET ${args.obis} buffer, ${p.describe} → ${said.length > 160 ? `${said.slice(0, 160)}…` : said}`);
  const after = rowsOf(await read(ctx, base, `GET ${args.obis} buffer (whole, again)`));
  if (after.length !== before.length || after.some((r, i) => !equal(r, before[i]!))) return false;
  if (outcome.kind === 'data-access-result' && p.refusalAllowed) {
    ctx.remark(`${p.describe}: refused with ${outcome.result}; an empty selection is preferred`, CLAUSE);
    return true;
  }
  if (outcome.kind !== 'data') throw new ExpectationFailure(RULE[args.select], `${p.describe}: ${summary(p.expected)}`, said);
  const got = outcome.data;
  const rows = rowsOf(got);
  for (const a of rowAttachments(
    `${args.obis} ${args.select}`,
    columns.map((c) => `${obisText(c)}/${c.attributeIndex}`),
    rows,
  ))
    ctx.attach?.(a);
  if (got.type === 'array' && rows.length === 0 && p.alsoEmpty && p.expected.length > 0) {
    ctx.remark(`${p.describe}: an empty array; rows of no element are preferred`, CLAUSE);
    return true;
  }
  const problem = got.type !== 'array' ? `not an array: ${formatData(got, { maxItems: 4 })}` : rowProblem(p.expected, rows);
  if (problem) throw new ExpectationFailure(RULE[args.select], `${p.describe}: ${summary(p.expected)}`, problem);
  ctx.note(`${p.describe}: exactly ${summary(p.expected)}, row by row`);
  return true;
}

/** The count when it differs, and the first row that differs from what the whole buffer says. */
function rowProblem(expected: readonly Data[], rows: readonly Data[]): string | undefined {
  const i = expected.findIndex((e, k) => k < rows.length && !equal(e, rows[k]!));
  const first = i >= 0 ? `row ${i + 1} is ${formatData(rows[i]!, { maxItems: 4 })}, the buffer says ${formatData(expected[i]!, { maxItems: 4 })}` : undefined;
  if (rows.length !== expected.length)
    return `got ${rows.length} rows where the buffer gives ${expected.length}${first ? `; ${first}` : ''} (${summary(rows)})`;
  return first;
}

function obisText(c: CaptureObjectDefinition): string {
  return typeof c.logicalName === 'string' ? c.logicalName : formatObis(c.logicalName);
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
  description:
    'Selective access to a Profile generic buffer (by range on the clock column, by entry, with column selection, an empty range) returns exactly what the whole buffer says it should',
  schema: BUFFER_SELECTION_SCHEMA,
  async run(ctx, args) {
    if (!ctx.association) throw new HarnessFault('check.buffer-selection needs an open association', 'harness', 'ASSOCIATION_NOT_OPEN');
    const object = (await currentObjects(ctx)).find((o) => o.obis === args.obis && o.classId === PROFILE_GENERIC);
    if (!object) throw new Inapplicable(`the object list holds no Profile generic ${args.obis}`);
    const selector = args.select.startsWith('range') ? ACCESS_SELECTOR.range : ACCESS_SELECTOR.entry;
    const needsClock = selector === ACCESS_SELECTOR.range;
    if (!object.attributes.find((a) => a.id === BUFFER)?.selectors.includes(selector)) {
      throw new Inapplicable(`the object list grants no access selector ${selector} on ${args.obis} buffer`);
    }
    const columns = columnDefinitions(
      await read(ctx, { classId: PROFILE_GENERIC, obis: args.obis, attribute: CAPTURE_OBJECTS }, `GET ${args.obis} capture_objects`),
    );
    if (needsClock && !columns.some((c) => c.classId === CLOCK.classId && c.attributeIndex === CLOCK.attribute && c.dataIndex === 0)) {
      throw new Inapplicable(
        `${args.obis} captures no clock time to restrict a range by (capture_objects: ${columns.map((c) => formatData(captureObjectToData(c))).join(', ')})`,
      );
    }
    if (await attempt(ctx, args, columns)) return;
    ctx.note('the buffer moved (a capture) between the reads: once more');
    if (!(await attempt(ctx, args, columns))) throw new Inconclusive('the buffer moved between the reads twice; no stable reference to compare with');
  },
});
