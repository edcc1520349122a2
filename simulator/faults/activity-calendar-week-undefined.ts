import { alterAttribute, items } from './attribute-hook';
import type { Fault } from './types';

export const activityCalendarWeekUndefined: Fault = {
  name: 'activity-calendar-week-undefined',
  description: 'Activity calendar season_profile_active (class 20 attribute 3) names a week profile that week_profile_table_active does not hold.',
  clause: 'Blue Book 4.5.5 (Activity calendar: a season names a week profile of the table)',
  hooks: alterAttribute(20, 3, (v) => ({
    type: 'array',
    items: [
      ...items(v),
      {
        type: 'structure',
        items: [
          { type: 'octet-string', value: new TextEncoder().encode('S9') },
          { type: 'octet-string', value: Uint8Array.from([0x07, 0xea, 6, 1, 0xff, 0, 0, 0, 0, 0x80, 0, 0xff]) },
          { type: 'octet-string', value: new TextEncoder().encode('NO-SUCH-WEEK') },
        ],
      },
    ],
  })),
};
