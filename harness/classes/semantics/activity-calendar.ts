/**
 * Activity calendar (class 20, Blue Book 4.5.5), for the active and the passive calendar alike:
 * every season names a week profile of the week_profile_table, and every day of every week
 * profile names a day_id of the day_profile_table. All-zero seasons and week profiles are the
 * dummies DLMS UA 1001-6 §7.3.10 tolerates (their types are set aside by check.attributes).
 */
import { formatData } from '../../../dlms/axdr/format';
import { type ClassSemantics, itemsOf, numberOf, octetsText, type Problem } from './types';
import type { Data } from '../../../dlms/axdr/data';
import { isDummy } from '../dummy';

/** Attribute indexes of one calendar: seasons, weeks, days. */
const CALENDARS = [
  { name: 'active', seasons: 3, weeks: 4, days: 5 },
  { name: 'passive', seasons: 7, weeks: 8, days: 9 },
] as const;
const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

const text = (d: Data | undefined): string => octetsText(d) ?? (d ? formatData(d) : '?');

function calendarProblems(values: ReadonlyMap<number, Data>, c: (typeof CALENDARS)[number]): Problem[] {
  const problems: Problem[] = [];
  const weeks = itemsOf(values.get(c.weeks));
  if (values.has(c.seasons) && values.has(c.weeks)) {
    const weekNames = new Set(weeks.map((w) => text(itemsOf(w)[0])));
    itemsOf(values.get(c.seasons)).forEach((s, i) => {
      if (isDummy(s)) return; // DLMS UA 1001-6 §7.3.10: an all-zero season is a tolerated dummy
      const week = text(itemsOf(s)[2]);
      if (!weekNames.has(week))
        problems.push({
          attribute: c.seasons,
          expected: `season_profile_${c.name}[${i}].week_name one of week_profile_table_${c.name} (${[...weekNames].join(', ') || 'none'})`,
          actual: week,
        });
    });
  }
  if (values.has(c.weeks) && values.has(c.days)) {
    const dayIds = new Set(itemsOf(values.get(c.days)).map((d) => numberOf(itemsOf(d)[0])));
    weeks.forEach((w, i) => {
      if (isDummy(w)) return;
      itemsOf(w)
        .slice(1)
        .forEach((d, j) => {
          const id = numberOf(d);
          if (id !== undefined && !dayIds.has(id))
            problems.push({
              attribute: c.weeks,
              expected: `week_profile_table_${c.name}[${i}].${DAY_NAMES[j]} a day_id of day_profile_table_${c.name} (${[...dayIds].join(', ') || 'none'})`,
              actual: String(id),
            });
        });
    });
  }
  return problems;
}

export const ACTIVITY_CALENDAR_SEMANTICS: ClassSemantics = {
  classId: 20,
  clause: '4.5.5',
  check: ({ values }) => CALENDARS.flatMap((c) => calendarProblems(values, c)),
};
