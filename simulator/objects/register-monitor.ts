/**
 * Register monitor, class 21 version 0 (Blue Book 4.5.6): after every request the meter serves,
 * the monitored attribute (monitored_value, read as the meter itself holds it) is compared with
 * each threshold; when it has crossed threshold i since the last evaluation, the script
 * actions[i].action_up (upwards) or action_down (downwards) names is executed (the Script table's
 * execute, run as the meter). The simulator's reading (docs/decisions/method-behaviours.md):
 * - a crossing is an edge: the value is above threshold i when it is greater than it; the script
 *   runs when that changes, once, not while the value stays on one side; a value equal to the
 *   threshold is not above it;
 * - a threshold written across the value is a crossing too (the comparison changed), unless the
 *   variant monitor-value-change-only says the meter only evaluates when the value moves;
 * - the first evaluation (before the first request) only records where the value stands: a
 *   meter that starts above a threshold has crossed nothing.
 *
 * Definition keys: `values: { 2: <thresholds>, 3: <monitored_value>, 4: <actions> }`, as for any
 * catalogue class (generic.ts).
 */
import type { Data } from '../../dlms/axdr/data';
import { numericValue } from '../../dlms/axdr/numeric';
import type { Cursor } from '../../config/yaml-cursor';
import { REGISTER_MONITOR } from '../../dlms/cosem/catalogue/register-monitor';
import { attributesOf } from './from-catalogue';
import { catalogueValues } from './generic';
import { findObject } from './store';
import type { ClassBehaviour, Crossing, MonitorHooks, ServeContext } from './types';

const THRESHOLDS = 2;
const MONITORED_VALUE = 3;
const ACTIONS = 4;
const SCRIPT_TABLE = 9;
const EXECUTE = 1;

/** The attribute a value_definition {class_id, logical_name, attribute_index} names, as the meter holds it. */
export function monitoredValue(definition: Data | undefined, ctx: ServeContext): number | undefined {
  if (definition?.type !== 'structure') return undefined;
  const [classId, ln, attribute] = definition.items;
  if (classId?.type !== 'long-unsigned' || ln?.type !== 'octet-string' || attribute?.type !== 'integer') return undefined;
  const object = findObject(ctx.meter.objects, ln.value);
  if (!object || object.cosemClass.classId !== classId.value) return undefined;
  const r = object.behaviour.read(attribute.value, ctx);
  return r.kind === 'data' ? numericValue(r.data) : undefined;
}

/** Executes the script a script reference {script_logical_name, script_selector} names (selector 0: the null script). */
export function runScript(reference: Data | undefined, ctx: ServeContext): void {
  if (reference?.type !== 'structure') return;
  const [ln, selector] = reference.items;
  if (ln?.type !== 'octet-string' || selector?.type !== 'long-unsigned' || selector.value === 0) return;
  const table = findObject(ctx.meter.objects, ln.value);
  if (table?.cosemClass.classId === SCRIPT_TABLE) table.behaviour.invoke?.(EXECUTE, selector, ctx);
}

interface Seen {
  readonly value: number;
  readonly thresholds: readonly (number | undefined)[];
}

/** Scripts due later (an asynchronous meter): the script reference and the requests still to wait. */
interface Pending {
  readonly script: Data | undefined;
  wait: number;
}

export const registerMonitorClass: ClassBehaviour = {
  name: 'register-monitor',
  classId: REGISTER_MONITOR.classId,
  version: REGISTER_MONITOR.version,
  attributes: attributesOf(REGISTER_MONITOR),
  methodCount: REGISTER_MONITOR.methods.length,
  keys: ['values'],
  build(entry: Cursor) {
    const store = catalogueValues(REGISTER_MONITOR, entry);
    let seen: Seen | undefined;
    let pending: Pending[] = [];

    function thresholds(): (number | undefined)[] {
      const t = store.values.get(THRESHOLDS);
      return t?.type === 'array' ? t.items.map(numericValue) : [];
    }

    function crossings(now: Seen, before: Seen, hooks: MonitorHooks): { readonly index: number; readonly crossed: Crossing }[] {
      const found: { index: number; crossed: Crossing }[] = [];
      now.thresholds.forEach((t, index) => {
        // Variant monitor-value-change-only: the value before is compared with today's threshold.
        const then = hooks.valueChangeOnly ? t : before.thresholds[index];
        if (t === undefined || then === undefined) return;
        const wasAbove = before.value > then;
        const isAbove = now.value > t;
        if (wasAbove !== isAbove) found.push({ index, crossed: isAbove ? 'up' : 'down' });
      });
      return found;
    }

    return {
      read: (attribute) => store.read(attribute),
      write: (attribute, next) => store.write(attribute, next),
      tick(ctx, hooks, phase) {
        if (phase === 'before') {
          if (!seen) {
            const value = monitoredValue(store.values.get(MONITORED_VALUE), ctx);
            if (value !== undefined) seen = { value, thresholds: thresholds() };
          }
          return;
        }
        const due = pending.filter((p) => --p.wait < 0);
        pending = pending.filter((p) => p.wait >= 0);
        for (const p of due) runScript(p.script, ctx);
        const value = monitoredValue(store.values.get(MONITORED_VALUE), ctx);
        if (value === undefined) return;
        const now: Seen = { value, thresholds: thresholds() };
        const before = seen;
        seen = now;
        if (!before) return;
        const actions = store.values.get(ACTIONS);
        for (const { index, crossed } of crossings(now, before, hooks)) {
          const runs = hooks.action(REGISTER_MONITOR.classId, crossed, crossed);
          const set = actions?.type === 'array' ? actions.items[index] : undefined;
          const script = runs && set?.type === 'structure' ? set.items[runs === 'up' ? 0 : 1] : undefined;
          if (hooks.laterBy > 0) pending.push({ script, wait: hooks.laterBy - 1 });
          else runScript(script, ctx);
        }
      },
    };
  },
};
