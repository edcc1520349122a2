/**
 * A monitor's scripts on a threshold crossing, checked and undone: what the Register monitor
 * (class 21, Blue Book 4.5.6) and Limiter (class 71, 4.5.9) cases share. Neither class has a
 * method: the case makes a crossing by writing the threshold just across the live value (the
 * value itself, a register, is left alone), observes the script's writes, writes the threshold
 * back (the crossing the other way) and observes the other script's. Only scripts whose actions
 * all write attributes this association can read and write back are used (as SCRIPT-EXECUTE
 * decides harmlessness, script-table.ts); the null script (selector 0) has nothing to observe.
 * Readings (docs/decisions/method-behaviours.md):
 * - the Blue Book names the value crossing the threshold; a meter may evaluate only when the value
 *   changes, so a threshold written across it may run nothing. Then, where the monitored value is
 *   writable, the value is moved across the written threshold and back instead (passed with a
 *   remark); where it is not, inconclusive;
 * - a meter may run the script after it answered: the attributes are read again, one GET after
 *   another, up to ten reads within ten response time-outs (plus the Limiter's minimum duration);
 *   no sleep;
 * - the value never lands on a threshold (which side equality is on is not said): thresholds and
 *   values are put a hundredth of the value (at least one unit) away from it.
 * The threshold, the value and every attribute the scripts write are put back; the notes say so.
 */
import type { Data } from '../../../dlms/axdr/data';
import { formatData } from '../../../dlms/axdr/format';
import { numericOfType, numericValue } from '../../../dlms/axdr/numeric';
import { formatObis } from '../../../dlms/cosem/obis';
import { type CosemObject, readAccess } from '../../classes/object-list';
import { valueDefinition } from '../../classes/semantics/register-monitor';
import { ExpectationFailure, Inapplicable, Inconclusive } from '../../engine/verdict';
import type { StepContext } from '../context';
import { currentObjects } from '../object-iteration';
import { getValue, setValue } from '../object-ops';
import { valuesEqual, writeAccess } from '../object-walk-rules';
import { writesOf, type Script, type Write } from './script-table';

const SCRIPT_TABLE = 9;
const SCRIPTS = 2;
/** How many reads, within how many response time-outs, a meter that runs the script after answering gets. */
const SETTLE_READS = 10;
const SETTLE_TIMEOUTS = 10;
/** Thresholds and values are put this fraction of the value (at least one unit) away from it, so that a growing value does not cross back meanwhile. */
const MARGIN_DIVISOR = 100;

export type Direction = 'up' | 'down';
const other = (d: Direction): Direction => (d === 'up' ? 'down' : 'up');
const key = (w: Pick<Write, 'target' | 'attribute'>) => `${w.target.obis}/${w.attribute}`;

/** The script a script reference {script_logical_name, script_selector} names: usable, null (selector 0), or why not. */
export async function scriptOf(
  ctx: StepContext,
  reference: Data | undefined,
  objects: readonly CosemObject[],
  listVersion: number,
  tables: Map<string, Data | undefined>,
): Promise<Script | null | string> {
  const [ln, selector] = reference?.type === 'structure' ? reference.items : [];
  if (ln?.type !== 'octet-string' || selector?.type !== 'long-unsigned') return 'an action is not a script reference';
  if (selector.value === 0) return null;
  const obis = formatObis(ln.value);
  const table = objects.find((x) => x.classId === SCRIPT_TABLE && x.obis === obis);
  if (!table || readAccess(listVersion, table.attributes.find((a) => a.id === SCRIPTS)?.mode ?? 0) !== 'plain')
    return `the script table ${obis} is not readable here`;
  if (!tables.has(obis)) tables.set(obis, await getValue(ctx, table, SCRIPTS));
  const scripts = tables.get(obis);
  const script =
    scripts?.type === 'array'
      ? scripts.items.find((s) => s.type === 'structure' && s.items[0]?.type === 'long-unsigned' && s.items[0].value === selector.value)
      : undefined;
  return script ? writesOf(script, objects, listVersion) : `script ${selector.value} is not in ${obis}`;
}

/** The two scripts of an action pair, when both are usable (null or writes that can be undone) and one at least does something; else why not. */
export async function scriptPair(
  ctx: StepContext,
  refs: Readonly<Record<Direction, Data | undefined>>,
  objects: readonly CosemObject[],
  listVersion: number,
  tables: Map<string, Data | undefined>,
): Promise<Record<Direction, Script | null> | string> {
  const up = await scriptOf(ctx, refs.up, objects, listVersion, tables);
  const down = await scriptOf(ctx, refs.down, objects, listVersion, tables);
  const why = [up, down].filter((s): s is string => typeof s === 'string');
  if (why.length) return why.join(', ');
  if (!up && !down) return 'both actions are the null script';
  return { up: up as Script | null, down: down as Script | null };
}

/** The monitored attribute a value_definition names, readable here, or inapplicable. */
export async function monitoredOf(ctx: StepContext, o: CosemObject, definition: Data | undefined, listVersion: number) {
  const ref = valueDefinition(definition);
  if (!ref) throw new Inconclusive(`${o.obis}: monitored_value names no attribute`);
  const objects = await currentObjects(ctx);
  const monitored = objects.find((x) => x.classId === ref.classId && x.obis === ref.obis);
  const mode = monitored?.attributes.find((a) => a.id === ref.attribute)?.mode ?? 0;
  if (!monitored || readAccess(listVersion, mode) !== 'plain')
    throw new Inapplicable(`${o.obis}: the monitored value ${ref.obis}/${ref.attribute} is not readable here`);
  return { objects, monitored, attribute: ref.attribute, writable: writeAccess(listVersion, mode) === 'plain' };
}

export interface CrossingSubject {
  readonly o: CosemObject;
  /** The threshold as the notes name it: `thresholds[0]`, `threshold_active`. */
  readonly label: string;
  readonly threshold: Data;
  /** Writes the threshold (the monitor's attribute as it must then read). */
  setThreshold(value: Data): Promise<string>;
  readonly monitored: CosemObject;
  readonly attribute: number;
  /** Whether this association may write the monitored value. */
  readonly writable: boolean;
  readonly scripts: Readonly<Record<Direction, Script | null>>;
  /** The actions as the class names them: action_up / action_down, action_over_threshold / …. */
  readonly names: Readonly<Record<Direction, string>>;
  /** How long the value must stay across before the script runs (Limiter min_over/under_threshold_duration), ms. */
  readonly holdMs?: Readonly<Record<Direction, number>>;
  readonly rule: string;
  readonly readingClause: string;
}

/** The crossings made, the scripts' writes observed, everything put back (see the file comment). */
export async function checkCrossings(ctx: StepContext, s: CrossingSubject): Promise<void> {
  const { o, label, threshold, monitored } = s;
  const where = `${monitored.obis}/${s.attribute}`;
  const original = await getValue(ctx, monitored, s.attribute);
  const v = numericValue(original);
  const t = numericValue(threshold);
  if (original === undefined || v === undefined || t === undefined) throw new Inapplicable(`${o.obis}: the monitored value or ${label} is not a number`);
  if (v === t) throw new Inconclusive(`${o.obis}: the value ${v} equals ${label}; on which side it is, the Blue Book does not say`);
  const d = Math.max(1, Math.floor(Math.abs(v) / MARGIN_DIVISOR));
  const first: Direction = v < t ? 'up' : 'down';
  const sign = first === 'up' ? -1 : 1;
  const moved = numericOfType(threshold, v + sign * d);
  if (!moved) throw new Inapplicable(`${o.obis}: ${label}'s type cannot hold a value ${first === 'up' ? 'below' : 'above'} ${v}`);

  // What the scripts' targets hold, as the case knows it: read first, then as each script wrote.
  const before = new Map<string, { w: Write; value: Data }>();
  for (const w of [...(s.scripts.up?.writes ?? []), ...(s.scripts.down?.writes ?? [])]) {
    if (before.has(key(w))) continue;
    const value = await getValue(ctx, w.target, w.attribute);
    if (!value) throw new Inconclusive(`${o.obis}: ${key(w)}, which a script writes, could not be read`);
    before.set(key(w), { w, value });
  }
  const state = new Map([...before].map(([k, b]) => [k, b.value]));

  /** The writes a crossing `dir` must show (the last to each attribute), undefined for the null script; inconclusive when they would not show. */
  function expected(dir: Direction): readonly Write[] | undefined {
    const script = s.scripts[dir];
    if (!script) {
      ctx.note(`${s.names[dir]} is the null script: nothing to observe`);
      return undefined;
    }
    const last = [...new Map(script.writes.map((w) => [key(w), w])).values()];
    if (last.every((w) => valuesEqual(state.get(key(w))!, w.value)))
      throw new Inconclusive(`${o.obis}: the ${s.names[dir]} script ${script.id} writes what the attributes already hold: its effect would not show`);
    return last;
  }

  /** Reads the writes again until they show, or the reads are spent; what was read instead when they do not. */
  async function settle(dir: Direction, list: readonly Write[] | undefined): Promise<string | undefined> {
    if (!list) return undefined;
    const hold = s.holdMs?.[dir] ?? 0;
    const started = Date.now();
    const until = started + hold + SETTLE_TIMEOUTS * ctx.profile.timeouts.responseMs;
    let actual = '';
    for (let n = 1; ; n++) {
      const wrong = [];
      for (const w of list) {
        const r = await getValue(ctx, w.target, w.attribute);
        if (!r || !valuesEqual(r, w.value)) wrong.push(`${key(w)} = ${r ? formatData(r) : 'not read'}`);
      }
      if (!wrong.length) {
        if (n > 1) ctx.note(`the ${s.names[dir]} script's writes showed at read ${n}`);
        for (const w of list) state.set(key(w), w.value);
        return undefined;
      }
      actual = wrong.join(', ');
      const now = Date.now();
      if (now >= until || (n >= SETTLE_READS && now >= started + hold)) return actual;
    }
  }

  const describe = (list: readonly Write[]) => list.map((w) => `${key(w)} = ${formatData(w.value)}`).join(', ');
  const setThreshold = async (value: Data) => {
    const said = await s.setThreshold(value);
    if (said !== 'success') throw new Inconclusive(`${o.obis}: SET ${label} := ${formatData(value)} → ${said}: no crossing could be made`);
  };
  const setMonitored = async (value: Data) => {
    const said = await setValue(ctx, monitored, s.attribute, value);
    if (said !== 'success') throw new Inconclusive(`${o.obis}: SET ${where} := ${formatData(value)} → ${said}: no crossing could be made`);
  };

  let thresholdMoved = false;
  let valueMoved = false;
  try {
    // The threshold written across the value: a crossing `first`, then back: `other(first)`.
    const firstWrites = expected(first);
    ctx.note(`${label} := ${formatData(moved)}, across ${where} = ${formatData(original)} (${first}wards)`);
    await setThreshold(moved);
    thresholdMoved = true;
    let evaluatesThresholds: boolean | undefined;
    if (firstWrites) evaluatesThresholds = (await settle(first, firstWrites)) === undefined;
    if (evaluatesThresholds !== false) {
      const backWrites = expected(other(first));
      ctx.note(`${label} := ${formatData(threshold)} again (${other(first)}wards)`);
      await setThreshold(threshold);
      thresholdMoved = false;
      const missing = await settle(other(first), backWrites);
      if (missing === undefined) {
        if (evaluatesThresholds || backWrites) return ctx.note(`${label}: both crossings ran their scripts`);
      } else if (evaluatesThresholds)
        throw new ExpectationFailure(s.rule, `after ${label} was written back across the value (${other(first)}wards), ${describe(backWrites!)}`, missing);
      await setThreshold(moved);
      thresholdMoved = true;
    }
    // No script ran on a threshold written across the value: the value itself is moved across it and back.
    if (!s.writable)
      throw new Inconclusive(
        `${o.obis}: no script ran when ${label} was written across the value; a meter may evaluate only when the value changes (${s.readingClause}), and ${where} cannot be written here to tell`,
      );
    const far = numericOfType(original, v + 2 * sign * d);
    if (!far) throw new Inconclusive(`${o.obis}: ${where}'s type cannot hold a value beyond ${label} = ${formatData(moved)}`);
    for (const [dir, value] of [
      [other(first), far],
      [first, original],
    ] as const) {
      const list = expected(dir);
      ctx.note(`${where} := ${formatData(value)}, across ${label} = ${formatData(moved)} (${dir}wards)`);
      await setMonitored(value);
      valueMoved = value !== original;
      const missing = await settle(dir, list);
      if (missing !== undefined) throw new ExpectationFailure(s.rule, `after ${where} crossed ${label} ${dir}wards, ${describe(list!)}`, missing);
    }
    ctx.remark(`${o.obis}: no script ran when ${label} was written across the value, only when the value crossed it`, s.readingClause);
  } finally {
    if (valueMoved) ctx.note(`restored: SET ${where} to ${formatData(original)} → ${await setValue(ctx, monitored, s.attribute, original)}`);
    if (thresholdMoved) ctx.note(`restored: SET ${label} to ${formatData(threshold)} → ${await s.setThreshold(threshold)}`);
    for (const [k, b] of before) ctx.note(`restored: SET ${k} to ${formatData(b.value)} → ${await setValue(ctx, b.w.target, b.w.attribute, b.value)}`);
  }
}
