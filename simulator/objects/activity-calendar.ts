/**
 * Activity calendar, class 20 version 0 (Blue Book 4.5.5): an active and a passive tariff
 * calendar. activate_passive_calendar (method 1) copies the passive calendar (attributes 6..9:
 * name, seasons, weeks, days) into the active one (2..5), which a client cannot write: the
 * active calendar changes only so. The passive calendar stays as it was. Switching at
 * activate_passive_calendar_time (attribute 10) is not simulated: the simulator runs no tariff.
 *
 * Definition keys: `values: { 2: …, 10: … }`, as for any catalogue class (generic.ts).
 */
import type { Cursor } from '../../config/yaml-cursor';
import { ACTIVITY_CALENDAR } from '../../dlms/cosem/catalogue/activity-calendar';
import { attributesOf } from './from-catalogue';
import { catalogueValues } from './generic';
import { isIntegerZero } from './method-parameter';
import { methodRefused, writeRefused, type ClassBehaviour } from './types';

const ACTIVATE_PASSIVE_CALENDAR = 1;
/** Active attribute → its passive twin (Blue Book 4.5.5). */
const ACTIVE_FROM_PASSIVE: ReadonlyMap<number, number> = new Map([
  [2, 6],
  [3, 7],
  [4, 8],
  [5, 9],
]);

export const activityCalendarClass: ClassBehaviour = {
  name: 'activity-calendar',
  classId: ACTIVITY_CALENDAR.classId,
  version: ACTIVITY_CALENDAR.version,
  attributes: attributesOf(ACTIVITY_CALENDAR, { 2: 'read-only', 3: 'read-only', 4: 'read-only', 5: 'read-only' }),
  methodCount: ACTIVITY_CALENDAR.methods.length,
  keys: ['values'],
  build(entry: Cursor) {
    const store = catalogueValues(ACTIVITY_CALENDAR, entry);
    return {
      read: (attribute) => store.read(attribute),
      write: (attribute, next) => (ACTIVE_FROM_PASSIVE.has(attribute) ? writeRefused('read-write-denied') : store.write(attribute, next)),
      invoke(method, parameter) {
        if (method !== ACTIVATE_PASSIVE_CALENDAR) return methodRefused('object-undefined');
        if (!isIntegerZero(parameter)) return methodRefused('type-unmatched');
        for (const [active, passive] of ACTIVE_FROM_PASSIVE) store.values.set(active, store.values.get(passive)!);
        return { kind: 'success' };
      },
    };
  },
};
