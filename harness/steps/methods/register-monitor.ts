/**
 * Register monitor (class 21, Blue Book 4.5.6) actions: when the monitored value crosses
 * threshold i upwards the script actions[i].action_up names runs, downwards action_down. The
 * class has no method: the case makes a crossing by writing threshold i just across the value
 * (the value itself, a register, is left alone), observes the script's writes, writes the
 * threshold back (the crossing the other way) and observes the other script's. Only scripts
 * whose actions all write attributes this association can read and write back are used (as
 * SCRIPT-EXECUTE decides harmlessness, script-table.ts); the null script (selector 0) has nothing
 * to observe. Readings (docs/decisions/method-behaviours.md):
 * - the Blue Book names the value crossing the threshold; a meter may evaluate only when the value
 *   changes, so a threshold written across it may run nothing. Then, where the monitored value is
 *   writable, the value is moved across the written threshold and back instead (passed with a
 *   remark); where it is not, inconclusive;
 * - a meter may run the script after it answered: the attributes are read again, one GET after
 *   another, up to ten reads within ten response time-outs; no sleep;
 * - the value never lands on a threshold (which side equality is on is not said): thresholds and
 *   values are put a hundredth of the value (at least one unit) away from it.
 * Thresholds, the value and every attribute the scripts write are put back; the notes say so.
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
import type { MethodBehaviour } from './types';

const THRESHOLDS = 2;
const MONITORED_VALUE = 3;
const ACTIONS = 4;
const SCRIPT_TABLE = 9;
const SCRIPTS = 2;
const RULE = 'Blue Book 4.5.6 (Register monitor actions): a crossing of threshold i upwards runs the script actions[i].action_up names, downwards action_down';
const READING_CLAUSE =
  'Blue Book 4.5.6 (Register monitor: a script runs when the monitored value crosses a threshold; a threshold written across the value is not named)';
/** How many reads, within how many response time-outs, a meter that runs the script after answering gets. */
const SETTLE_READS = 10;
const SETTLE_TIMEOUTS = 10;
/** Thresholds and values are put this fraction of the value (at least one unit) away from it, so that a growing value does not cross back meanwhile. */
const MARGIN_DIVISOR = 100;

type Direction = 'up' | 'down';
const other = (d: Direction): Direction => (d === 'up' ? 'down' : 'up');

const key = (w: Pick<Write, 'target' | 'attribute'>) => `${w.target.obis}/${w.attribute}`;

/** The script a script reference {script_logical_name, script_selector} names: usable, null (selector 0), or why not. */
async function scriptOf(
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

interface Plan {
  readonly index: number;
  readonly scripts: Readonly<Record<Direction, Script | null>>;
}

/** The first threshold whose two scripts are usable (one at least not null), or why none is. */
async function planOf(ctx: StepContext, o: CosemObject, actions: Data, objects: readonly CosemObject[], listVersion: number): Promise<Plan> {
  const tables = new Map<string, Data | undefined>();
  const reasons: string[] = [];
  const sets = actions.type === 'array' ? actions.items : [];
  for (const [index, set] of sets.entries()) {
    const [upRef, downRef] = set.type === 'structure' ? set.items : [];
    const up = await scriptOf(ctx, upRef, objects, listVersion, tables);
    const down = await scriptOf(ctx, downRef, objects, listVersion, tables);
    const why = [up, down].filter((s): s is string => typeof s === 'string');
    if (why.length) reasons.push(`thresholds[${index}]: ${why.join(', ')}`);
    else if (!up && !down) reasons.push(`thresholds[${index}]: both actions are the null script`);
    else return { index, scripts: { up: up as Script | null, down: down as Script | null } };
  }
  throw new Inapplicable(
    `${o.obis}: no threshold whose scripts only write attributes this association can read and write back (${reasons.join('; ') || 'no actions'})`,
  );
}

export const REGISTER_MONITOR_ACTION: MethodBehaviour = {
  name: 'register-monitor-action',
  classIds: [21],
  rule: RULE,
  async run(ctx: StepContext, o: CosemObject, listVersion: number) {
    const mode = (id: number) => o.attributes.find((a) => a.id === id)?.mode ?? 0;
    for (const id of [THRESHOLDS, MONITORED_VALUE, ACTIONS])
      if (readAccess(listVersion, mode(id)) !== 'plain') throw new Inapplicable(`${o.obis}: attribute ${id} is not readable here`);
    if (writeAccess(listVersion, mode(THRESHOLDS)) !== 'plain')
      throw new Inapplicable(`${o.obis}: thresholds cannot be written here, so no crossing can be made`);
    const thresholds = await getValue(ctx, o, THRESHOLDS);
    const ref = valueDefinition(await getValue(ctx, o, MONITORED_VALUE));
    const actions = await getValue(ctx, o, ACTIONS);
    if (thresholds?.type !== 'array' || !ref || !actions) throw new Inconclusive(`${o.obis}: thresholds, monitored_value or actions could not be read`);
    const objects = await currentObjects(ctx);
    const monitored = objects.find((x) => x.classId === ref.classId && x.obis === ref.obis);
    const valueMode = monitored?.attributes.find((a) => a.id === ref.attribute)?.mode ?? 0;
    const where = `${ref.obis}/${ref.attribute}`;
    if (!monitored || readAccess(listVersion, valueMode) !== 'plain') throw new Inapplicable(`${o.obis}: the monitored value ${where} is not readable here`);
    const plan = await planOf(ctx, o, actions, objects, listVersion);
    const i = plan.index;
    const threshold = thresholds.items[i]!;
    const original = await getValue(ctx, monitored, ref.attribute);
    const v = numericValue(original);
    const t = numericValue(threshold);
    if (original === undefined || v === undefined || t === undefined)
      throw new Inapplicable(`${o.obis}: the monitored value or thresholds[${i}] is not a number`);
    if (v === t) throw new Inconclusive(`${o.obis}: the value ${v} equals thresholds[${i}]; on which side it is, the Blue Book does not say`);
    const d = Math.max(1, Math.floor(Math.abs(v) / MARGIN_DIVISOR));
    const first: Direction = v < t ? 'up' : 'down';
    const sign = first === 'up' ? -1 : 1;
    const moved = numericOfType(threshold, v + sign * d);
    if (!moved) throw new Inapplicable(`${o.obis}: thresholds[${i}]'s type cannot hold a value ${first === 'up' ? 'below' : 'above'} ${v}`);

    // What the scripts' targets hold, as the case knows it: read first, then as each script wrote.
    const writes = [...(plan.scripts.up?.writes ?? []), ...(plan.scripts.down?.writes ?? [])];
    const before = new Map<string, { w: Write; value: Data }>();
    for (const w of writes) {
      if (before.has(key(w))) continue;
      const value = await getValue(ctx, w.target, w.attribute);
      if (!value) throw new Inconclusive(`${o.obis}: ${key(w)}, which a script writes, could not be read`);
      before.set(key(w), { w, value });
    }
    const state = new Map([...before].map(([k, b]) => [k, b.value]));

    /** The writes a crossing `dir` must show (the last to each attribute), undefined for the null script; inconclusive when they would not show. */
    function expected(dir: Direction): readonly Write[] | undefined {
      const s = plan.scripts[dir];
      if (!s) {
        ctx.note(`action_${dir} of thresholds[${i}] is the null script: nothing to observe`);
        return undefined;
      }
      const last = [...new Map(s.writes.map((w) => [key(w), w])).values()];
      if (last.every((w) => valuesEqual(state.get(key(w))!, w.value)))
        throw new Inconclusive(`${o.obis}: the action_${dir} script ${s.id} writes what the attributes already hold: its effect would not show`);
      return last;
    }

    /** Reads the writes again until they show, or the reads are spent; what was read instead when they do not. */
    async function settle(list: readonly Write[] | undefined): Promise<string | undefined> {
      if (!list) return undefined;
      const until = Date.now() + SETTLE_TIMEOUTS * ctx.profile.timeouts.responseMs;
      let actual = '';
      for (let n = 1; n <= SETTLE_READS; n++) {
        const wrong = [];
        for (const w of list) {
          const r = await getValue(ctx, w.target, w.attribute);
          if (!r || !valuesEqual(r, w.value)) wrong.push(`${key(w)} = ${r ? formatData(r) : 'not read'}`);
        }
        if (!wrong.length) {
          if (n > 1) ctx.note(`the script's writes showed at read ${n}`);
          for (const w of list) state.set(key(w), w.value);
          return undefined;
        }
        actual = wrong.join(', ');
        if (Date.now() >= until) break;
      }
      return actual;
    }

    const describe = (list: readonly Write[]) => list.map((w) => `${key(w)} = ${formatData(w.value)}`).join(', ');
    const setThreshold = async (value: Data) => {
      const said = await setValue(ctx, o, THRESHOLDS, { type: 'array', items: thresholds.items.map((x, j) => (j === i ? value : x)) });
      if (said !== 'success') throw new Inconclusive(`${o.obis}: SET thresholds[${i}] := ${formatData(value)} → ${said}: no crossing could be made`);
    };
    const setMonitored = async (value: Data) => {
      const said = await setValue(ctx, monitored, ref.attribute, value);
      if (said !== 'success') throw new Inconclusive(`${o.obis}: SET ${where} := ${formatData(value)} → ${said}: no crossing could be made`);
    };

    let thresholdMoved = false;
    let valueMoved = false;
    try {
      // The threshold written across the value: a crossing `first`, then back: `other(first)`.
      const firstWrites = expected(first);
      ctx.note(`thresholds[${i}] := ${formatData(moved)}, across ${where} = ${formatData(original)} (${first}wards)`);
      await setThreshold(moved);
      thresholdMoved = true;
      let evaluatesThresholds: boolean | undefined;
      if (firstWrites) evaluatesThresholds = (await settle(firstWrites)) === undefined;
      if (evaluatesThresholds !== false) {
        const backWrites = expected(other(first));
        ctx.note(`thresholds[${i}] := ${formatData(threshold)} again (${other(first)}wards)`);
        await setThreshold(threshold);
        thresholdMoved = false;
        const missing = await settle(backWrites);
        if (missing === undefined) {
          if (evaluatesThresholds || backWrites) return ctx.note(`thresholds[${i}]: both crossings ran their scripts`);
        } else if (evaluatesThresholds)
          throw new ExpectationFailure(
            RULE,
            `after thresholds[${i}] was written back across the value (${other(first)}wards), ${describe(backWrites!)}`,
            missing,
          );
        await setThreshold(moved);
        thresholdMoved = true;
      }
      // No script ran on a threshold written across the value: the value itself is moved across it and back.
      if (writeAccess(listVersion, valueMode) !== 'plain')
        throw new Inconclusive(
          `${o.obis}: no script ran when thresholds[${i}] was written across the value; a meter may evaluate only when the value changes (${READING_CLAUSE}), and ${where} cannot be written here to tell`,
        );
      const far = numericOfType(original, v + 2 * sign * d);
      if (!far) throw new Inconclusive(`${o.obis}: ${where}'s type cannot hold a value beyond thresholds[${i}] = ${formatData(moved)}`);
      for (const [dir, value] of [
        [other(first), far],
        [first, original],
      ] as const) {
        const list = expected(dir);
        ctx.note(`${where} := ${formatData(value)}, across thresholds[${i}] = ${formatData(moved)} (${dir}wards)`);
        await setMonitored(value);
        valueMoved = value !== original;
        const missing = await settle(list);
        if (missing !== undefined) throw new ExpectationFailure(RULE, `after ${where} crossed thresholds[${i}] ${dir}wards, ${describe(list!)}`, missing);
      }
      ctx.remark(`${o.obis}: no script ran when thresholds[${i}] was written across the value, only when the value crossed it`, READING_CLAUSE);
    } finally {
      if (valueMoved) ctx.note(`restored: SET ${where} to ${formatData(original)} → ${await setValue(ctx, monitored, ref.attribute, original)}`);
      if (thresholdMoved) ctx.note(`restored: SET ${o.obis}/${THRESHOLDS} to ${formatData(thresholds)} → ${await setValue(ctx, o, THRESHOLDS, thresholds)}`);
      for (const [k, b] of before) ctx.note(`restored: SET ${k} to ${formatData(b.value)} → ${await setValue(ctx, b.w.target, b.w.attribute, b.value)}`);
    }
  },
};
