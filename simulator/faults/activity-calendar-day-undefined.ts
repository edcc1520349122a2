import type { Data } from '../../dlms/axdr/data';
import { alterAttribute, items } from './attribute-hook';
import type { Fault } from './types';

export const activityCalendarDayUndefined: Fault = {
  name: 'activity-calendar-day-undefined',
  description: 'Activity calendar week_profile_table_active (class 20 attribute 4) has a week whose monday names a day_id the day profile table does not hold.',
  clause: 'Blue Book 4.5.5 (Activity calendar: a week profile names day_ids of the day profile table)',
  hooks: alterAttribute(20, 4, (v) => ({
    type: 'array',
    items: [
      ...items(v),
      {
        type: 'structure',
        items: [{ type: 'octet-string', value: new TextEncoder().encode('W9') }, ...Array.from({ length: 7 }, (): Data => ({ type: 'unsigned', value: 250 }))],
      },
    ],
  })),
};
