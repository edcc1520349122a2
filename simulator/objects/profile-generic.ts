/**
 * Profile generic, class 7 version 1 (Blue Book 4.3.6): a load profile with history. The buffer
 * is not stored: row k is what the capture objects read at the k-th capture instant before now
 * (instants aligned to the capture period, UTC), so the history is a pure function of the time
 * the request is served and the tests that read it are stable. Sort method fifo: entry 1 is the
 * oldest row. The buffer is full: entries_in_use = profile_entries.
 *
 * Selective access (Blue Book 4.3.6, attribute 2): selector 1 (range_descriptor) on any capture
 * column, date-time columns compared as instants and numeric columns as numbers, both bounds
 * included; selector 2 (entry_descriptor), entries and columns counted from 1, 0 meaning "up to
 * the last". Parameters that do not fit the descriptor are type-unmatched; a restricting object
 * or selected value that is not a capture column, and bounds of the wrong kind, are
 * other-reason (docs/decisions/selective-access-results.md).
 */
import type { Data } from '../../dlms/axdr/data';
import { dateTimeFromOctetString, dateTimeToDate } from '../../dlms/axdr/datetime';
import { isDecodeError } from '../../dlms/bytes';
import { PROFILE_GENERIC } from '../../dlms/cosem/catalogue/profile-generic';
import { formatObis, parseObis } from '../../dlms/cosem/obis';
import {
  accessSelectionFromData,
  captureObjectToData,
  type CaptureObjectDefinition,
  type EntryDescriptor,
  type RangeDescriptor,
} from '../../dlms/cosem/selective-access';
import type { Cursor } from '../../config/yaml-cursor';
import { findObject } from './store';
import { attributesOf } from './from-catalogue';
import { isIntegerZero } from './method-parameter';
import { methodRefused, ok, refused, type AttributeResult, type ClassBehaviour, type Selection, type ServeContext } from './types';

/** Blue Book 4.3.6 sort_method: 1 = fifo (first in, first out). */
const SORT_FIFO = 1;
/** Blue Book 4.3.6: sort_object when the sort method needs none: class 0, an all-zero name. */
const NO_SORT_OBJECT: CaptureObjectDefinition = { classId: 0, logicalName: parseObis('0-0:0.0.0.0'), attributeIndex: 0, dataIndex: 0 };

const SECONDS_MAX = 0xffffffff;
const ENTRIES_MAX = 10_000;
/** Blue Book 4.3.6: entries_in_use; methods reset and capture. */
const ENTRIES_IN_USE = 7;
const RESET = 1;
const CAPTURE = 2;

interface Row {
  readonly at: number;
  readonly values: readonly Data[];
}

function sameColumn(a: CaptureObjectDefinition, b: CaptureObjectDefinition): boolean {
  return (
    a.classId === b.classId && a.attributeIndex === b.attributeIndex && a.dataIndex === b.dataIndex && formatObis(a.logicalName) === formatObis(b.logicalName)
  );
}

function column(c: Cursor): CaptureObjectDefinition {
  c.only(['class', 'obis', 'attribute', 'dataIndex']);
  const obis = c.need('obis');
  let logicalName;
  try {
    logicalName = parseObis(obis.string());
  } catch (e) {
    if (isDecodeError(e)) obis.fail(`not an OBIS code (${e.code})`);
    throw e;
  }
  return {
    classId: c.need('class').int(1, 0xffff),
    logicalName,
    attributeIndex: c.need('attribute').int(1, 127),
    dataIndex: c.get('dataIndex').present ? c.get('dataIndex').int(0, 0xffff) : 0,
  };
}

/** A value to compare a range bound with: an instant for a date-time, a number, else nothing. */
function ordinal(d: Data): number | undefined {
  if (d.type === 'octet-string' && d.value.length === 12) {
    try {
      return dateTimeToDate(dateTimeFromOctetString(d.value))?.getTime();
    } catch {
      return undefined;
    }
  }
  if ('value' in d && typeof d.value === 'number') return d.value;
  if ('value' in d && typeof d.value === 'bigint') return Number(d.value);
  return undefined;
}

export const profileGenericClass: ClassBehaviour = {
  name: 'profile-generic',
  classId: PROFILE_GENERIC.classId,
  version: PROFILE_GENERIC.version,
  attributes: attributesOf(PROFILE_GENERIC, { 2: 'read-only', 3: 'read-only', 4: 'read-only', 5: 'read-only', 6: 'read-only', 7: 'read-only', 8: 'read-only' }),
  methodCount: PROFILE_GENERIC.methods.length,
  keys: ['capturePeriod', 'profileEntries', 'captureObjects'],
  build(entry: Cursor) {
    const periodS = entry.need('capturePeriod').int(1, SECONDS_MAX);
    const depth = entry.need('profileEntries').int(1, ENTRIES_MAX);
    const columns = entry.need('captureObjects').items().map(column);
    if (columns.length === 0) entry.get('captureObjects').fail('a profile needs at least one capture object');
    const periodMs = periodS * 1000;

    /**
     * What one column reads at instant `at` (a capture object the meter lacks reads null-data).
     * Living values (energy registers) read at a past instant are what they were then (a
     * register grew before the simulator started: register.ts), so they differ row to row.
     */
    const capture = (c: CaptureObjectDefinition, ctx: ServeContext, at: number): Data => {
      const o = findObject(ctx.meter.objects, c.logicalName);
      if (!o) return { type: 'null-data' };
      const past = { ...ctx, now: at };
      const r =
        c.attributeIndex === 1 ? ({ kind: 'data', data: { type: 'octet-string', value: o.logicalName } } as const) : o.behaviour.read(c.attributeIndex, past);
      if (r.kind !== 'data') return { type: 'null-data' };
      if (c.dataIndex === 0) return r.data;
      return 'items' in r.data ? (r.data.items[c.dataIndex - 1] ?? { type: 'null-data' }) : { type: 'null-data' };
    };
    // The profile lives (Blue Book 4.3.6 methods): reset (1) empties the buffer from that instant,
    // capture (2) adds a row of what the capture objects read now.
    let resetAt = Number.NEGATIVE_INFINITY;
    let captured: Row[] = [];
    /** Every row, oldest first: the periodic captures at or before now, and those capture() made, the last `depth` of them after any reset. */
    const rows = (ctx: ServeContext): Row[] => {
      const last = Math.floor(ctx.now / periodMs) * periodMs;
      const out: Row[] = [];
      for (let k = depth - 1; k >= 0; k--) {
        const at = last - k * periodMs;
        if (at > resetAt) out.push({ at, values: columns.map((c) => capture(c, ctx, at)) });
      }
      // reset empties `captured`: a capture made after it counts even at the reset's own instant.
      const extra = captured.filter((r) => r.at <= ctx.now);
      if (extra.length === 0) return out;
      return [...out, ...extra].sort((a, b) => a.at - b.at).slice(-depth);
    };
    const buffer = (selected: readonly Row[], pick: (values: readonly Data[]) => readonly Data[]): AttributeResult =>
      ok({ type: 'array', items: selected.map((r) => ({ type: 'structure', items: [...pick(r.values)] })) });

    const byRange = (range: RangeDescriptor, ctx: ServeContext): AttributeResult => {
      const at = columns.findIndex((c) => sameColumn(c, range.restrictingObject));
      const from = ordinal(range.fromValue);
      const to = ordinal(range.toValue);
      if (at < 0 || from === undefined || to === undefined) return refused('other-reason');
      const picks = range.selectedValues.map((s) => columns.findIndex((c) => sameColumn(c, s)));
      if (picks.some((p) => p < 0)) return refused('other-reason');
      const inRange = rows(ctx).filter((r) => {
        const v = ordinal(r.values[at]!);
        return v !== undefined && v >= from && v <= to;
      });
      return buffer(inRange, (values) => (picks.length === 0 ? values : picks.map((p) => values[p]!)));
    };

    const byEntry = (e: EntryDescriptor, ctx: ServeContext): AttributeResult => {
      const all = rows(ctx);
      const first = Math.max(1, e.fromEntry);
      const last = e.toEntry === 0 ? all.length : Math.min(e.toEntry, all.length);
      const firstColumn = Math.max(1, e.fromSelectedValue);
      const lastColumn = e.toSelectedValue === 0 ? columns.length : Math.min(e.toSelectedValue, columns.length);
      return buffer(all.slice(first - 1, Math.max(first - 1, last)), (values) => values.slice(firstColumn - 1, Math.max(firstColumn - 1, lastColumn)));
    };

    const read = (ctx: ServeContext, selection: Selection | undefined): AttributeResult => {
      if (!selection) return buffer(rows(ctx), (values) => values);
      let parsed;
      try {
        parsed = accessSelectionFromData(selection.selector, selection.parameters);
      } catch (e) {
        if (isDecodeError(e)) return refused(e.code === 'SELECTIVE_ACCESS_BAD_SELECTOR' ? 'other-reason' : 'type-unmatched');
        throw e;
      }
      return parsed.selector === 1 ? byRange(parsed.range, ctx) : byEntry(parsed.entry, ctx);
    };

    const statics: Readonly<Record<number, Data>> = {
      3: { type: 'array', items: columns.map(captureObjectToData) },
      4: { type: 'double-long-unsigned', value: periodS },
      5: { type: 'enum', value: SORT_FIFO },
      6: captureObjectToData(NO_SORT_OBJECT),
      8: { type: 'double-long-unsigned', value: depth },
    };
    return {
      read(attribute, ctx, selection) {
        if (attribute === 2) return read(ctx, selection);
        if (attribute === ENTRIES_IN_USE) return ok({ type: 'double-long-unsigned', value: rows(ctx).length });
        const value = statics[attribute];
        return value ? ok(value) : refused('object-undefined');
      },
      invoke(method, parameters, ctx) {
        if (!isIntegerZero(parameters)) return methodRefused('type-unmatched');
        if (method === RESET) {
          resetAt = ctx.now;
          captured = [];
          return { kind: 'success' };
        }
        if (method === CAPTURE) {
          captured.push({ at: ctx.now, values: columns.map((c) => capture(c, ctx, ctx.now)) });
          return { kind: 'success' };
        }
        return methodRefused('object-undefined');
      },
    };
  },
};
