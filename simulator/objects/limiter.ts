/**
 * Limiter, class 71 version 0 (Blue Book 4.5.9): after every request the meter serves, the
 * monitored attribute (monitored_value, as the meter holds it) is compared with threshold_active;
 * once the value has been over it for min_over_threshold_duration seconds the script
 * actions.action_over_threshold names runs, once, and once it has been under it for
 * min_under_threshold_duration, action_under_threshold. The simulator's reading
 * (docs/decisions/method-behaviours.md): over is greater than the threshold, under is less, a value
 * equal to it stays where it was; "for the duration" is at least that long, measured on the
 * simulator's time; threshold_active written across the value starts the duration as the value
 * moving would; the first evaluation (before the first request) only records where the value
 * stands. Not simulated: the emergency profile (threshold_emergency is not switched to when
 * emergency_profile_active), and the variants of the Register monitor (they name that class).
 *
 * Definition keys: `values: { 2: <monitored_value>, 3: <threshold_active>, … }`, as for any
 * catalogue class (generic.ts).
 */
import { numericValue } from '../../dlms/axdr/numeric';
import type { Cursor } from '../../config/yaml-cursor';
import { LIMITER } from '../../dlms/cosem/catalogue/limiter';
import { attributesOf } from './from-catalogue';
import { catalogueValues } from './generic';
import { monitoredValue, runScript } from './register-monitor';
import type { ClassBehaviour, Crossing } from './types';

const MONITORED_VALUE = 2;
const THRESHOLD_ACTIVE = 3;
const MIN_OVER_DURATION = 6;
const MIN_UNDER_DURATION = 7;
const ACTIONS = 11;
const MS_PER_S = 1000;

interface Standing {
  /** Over (up) or under (down) threshold_active. */
  readonly side: Crossing;
  /** Since when (the simulator's ms). */
  readonly since: number;
  /** Whether the script of this side ran (or the side was found at the first evaluation). */
  readonly done: boolean;
}

export const limiterClass: ClassBehaviour = {
  name: 'limiter',
  classId: LIMITER.classId,
  version: LIMITER.version,
  attributes: attributesOf(LIMITER),
  methodCount: LIMITER.methods.length,
  keys: ['values'],
  build(entry: Cursor) {
    const store = catalogueValues(LIMITER, entry);
    let standing: Standing | undefined;

    /** Where the value stands now, given where it stood (equality keeps the side). */
    function sideNow(ctx: Parameters<typeof monitoredValue>[1]): Crossing | undefined {
      const v = monitoredValue(store.values.get(MONITORED_VALUE), ctx);
      const t = numericValue(store.values.get(THRESHOLD_ACTIVE));
      if (v === undefined || t === undefined) return undefined;
      return v > t ? 'up' : v < t ? 'down' : (standing?.side ?? 'down');
    }

    return {
      read: (attribute) => store.read(attribute),
      write: (attribute, next) => store.write(attribute, next),
      tick(ctx, hooks, phase) {
        const side = sideNow(ctx);
        if (side === undefined) return;
        if (!standing) {
          standing = { side, since: ctx.now, done: true };
          return;
        }
        if (phase === 'before') return;
        if (side !== standing.side) standing = { side, since: ctx.now, done: false };
        const hold = numericValue(store.values.get(side === 'up' ? MIN_OVER_DURATION : MIN_UNDER_DURATION)) ?? 0;
        if (standing.done || ctx.now - standing.since < hold * MS_PER_S) return;
        standing = { ...standing, done: true };
        const runs = hooks.action(LIMITER.classId, side, side);
        const actions = store.values.get(ACTIONS);
        if (runs && actions?.type === 'structure') runScript(actions.items[runs === 'up' ? 0 : 1], ctx);
      },
    };
  },
};
