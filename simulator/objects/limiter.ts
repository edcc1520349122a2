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
 * stands. The emergency profile lives on the simulator's time: while emergency_profile's id is in
 * emergency_profile_group_id_list and the simulator's time is within [emergency_activation_time,
 * + emergency_duration), threshold_active is threshold_emergency and emergency_profile_active true;
 * when it stops being so (the duration ran out, or emergency_profile was written with another
 * profile), threshold_active is threshold_normal again. Only these switches write threshold_active,
 * so a threshold_active written meanwhile stays until the next switch. An activation time whose
 * deviation is not specified is read as UTC. The variant monitor-asynchronous applies here too:
 * scripts and switches are made one request later. Not simulated: monitor-value-change-only for
 * the Limiter.
 *
 * Definition keys: `values: { 2: <monitored_value>, 3: <threshold_active>, … }`, as for any
 * catalogue class (generic.ts).
 */
import type { Data } from '../../dlms/axdr/data';
import { dateTimeFromOctetString, dateTimeToDate } from '../../dlms/axdr/datetime';
import { numericValue } from '../../dlms/axdr/numeric';
import type { Cursor } from '../../config/yaml-cursor';
import { LIMITER } from '../../dlms/cosem/catalogue/limiter';
import { attributesOf } from './from-catalogue';
import { catalogueValues } from './generic';
import { monitoredValue, runScript } from './register-monitor';
import type { ClassBehaviour, Crossing, MonitorHooks, ServeContext } from './types';

const MONITORED_VALUE = 2;
const THRESHOLD_ACTIVE = 3;
const THRESHOLD_NORMAL = 4;
const THRESHOLD_EMERGENCY = 5;
const EMERGENCY_PROFILE = 8;
const EMERGENCY_GROUP_IDS = 9;
const EMERGENCY_PROFILE_ACTIVE = 10;
const MIN_OVER_DURATION = 6;
const MIN_UNDER_DURATION = 7;
const ACTIONS = 11;
const MS_PER_S = 1000;

/** Whether `profile` (emergency_profile) is active at `now`: its id in `groups`, `now` within its activation time and duration (Blue Book 4.5.9). */
export function emergencyActive(profile: Data | undefined, groups: Data | undefined, now: number): boolean {
  if (profile?.type !== 'structure' || groups?.type !== 'array') return false;
  const [id, at, duration] = profile.items;
  if (id?.type !== 'long-unsigned' || at?.type !== 'octet-string' || duration?.type !== 'double-long-unsigned') return false;
  if (!groups.items.some((g) => g.type === 'long-unsigned' && g.value === id.value)) return false;
  let start: number | undefined;
  try {
    const dt = dateTimeFromOctetString(at.value);
    start = dateTimeToDate(dt, { deviation: dt.deviation ?? 0 })?.getTime();
  } catch {
    return false;
  }
  return start !== undefined && now >= start && now < start + duration.value * MS_PER_S;
}

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
    let emergency = false;
    /** Variant monitor-asynchronous: a switch or a script due, made after `wait` more requests. */
    let pendingSwitch: { readonly active: boolean; wait: number } | undefined;
    let pendingScripts: { readonly script: Data | undefined; wait: number }[] = [];

    function setEmergency(active: boolean) {
      emergency = active;
      const threshold = store.values.get(active ? THRESHOLD_EMERGENCY : THRESHOLD_NORMAL);
      if (threshold) store.values.set(THRESHOLD_ACTIVE, threshold);
      store.values.set(EMERGENCY_PROFILE_ACTIVE, { type: 'boolean', value: active });
    }

    /** threshold_active switched to threshold_emergency when an emergency profile becomes active, back to threshold_normal when it ends. */
    function switchThreshold(ctx: ServeContext, hooks: MonitorHooks, phase: 'before' | 'after') {
      if (hooks.laterBy > 0) {
        if (phase === 'before') return;
        if (pendingSwitch && --pendingSwitch.wait < 0) {
          setEmergency(pendingSwitch.active);
          pendingSwitch = undefined;
        }
        if (pendingSwitch) return;
      }
      const should = emergencyActive(store.values.get(EMERGENCY_PROFILE), store.values.get(EMERGENCY_GROUP_IDS), ctx.now);
      const active = hooks.emergency ? hooks.emergency(should) : should;
      if (active === emergency) return;
      if (hooks.laterBy > 0) pendingSwitch = { active, wait: hooks.laterBy - 1 };
      else setEmergency(active);
    }

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
        switchThreshold(ctx, hooks, phase);
        if (phase === 'after') {
          const due = pendingScripts.filter((p) => --p.wait < 0);
          pendingScripts = pendingScripts.filter((p) => p.wait >= 0);
          for (const p of due) runScript(p.script, ctx);
        }
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
        const script = runs && actions?.type === 'structure' ? actions.items[runs === 'up' ? 0 : 1] : undefined;
        if (hooks.laterBy > 0) pendingScripts.push({ script, wait: hooks.laterBy - 1 });
        else runScript(script, ctx);
      },
    };
  },
};
