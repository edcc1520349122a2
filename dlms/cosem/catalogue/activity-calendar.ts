import { DATE_TIME, INTEGER_ZERO, LOGICAL_NAME, OBIS, TIME } from './common';
import type { InterfaceClassDef } from './types';

const SEASON_PROFILE = `array<structure{season_profile_name: octet-string, season_start: ${DATE_TIME}, week_name: octet-string}>`;
const WEEK_PROFILE_TABLE =
  'array<structure{week_profile_name: octet-string, monday: unsigned, tuesday: unsigned, wednesday: unsigned, thursday: unsigned, friday: unsigned, saturday: unsigned, sunday: unsigned}>';
const DAY_PROFILE_TABLE = `array<structure{day_id: unsigned, day_schedule: array<structure{start_time: ${TIME}, script_logical_name: ${OBIS}, script_selector: long-unsigned}>}>`;

/** Blue Book 4.5.5 Activity calendar (class_id 20, version 0): tariff seasons, weeks and days, active and passive. */
export const ACTIVITY_CALENDAR: InterfaceClassDef = {
  classId: 20,
  version: 0,
  name: 'Activity calendar',
  clause: '4.5.5',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'calendar_name_active', type: 'octet-string', static: true },
    { index: 3, name: 'season_profile_active', type: SEASON_PROFILE, static: true },
    { index: 4, name: 'week_profile_table_active', type: WEEK_PROFILE_TABLE, static: true },
    { index: 5, name: 'day_profile_table_active', type: DAY_PROFILE_TABLE, static: true },
    { index: 6, name: 'calendar_name_passive', type: 'octet-string', static: true },
    { index: 7, name: 'season_profile_passive', type: SEASON_PROFILE, static: true },
    { index: 8, name: 'week_profile_table_passive', type: WEEK_PROFILE_TABLE, static: true },
    { index: 9, name: 'day_profile_table_passive', type: DAY_PROFILE_TABLE, static: true },
    { index: 10, name: 'activate_passive_calendar_time', type: DATE_TIME, static: true },
  ],
  methods: [{ index: 1, name: 'activate_passive_calendar', parameter: INTEGER_ZERO }],
};
