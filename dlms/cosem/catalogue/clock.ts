import { DATE_TIME, INTEGER_ZERO, LOGICAL_NAME } from './common';
import type { InterfaceClassDef } from './types';

const ADJUSTING_TIME = `structure{preset_time: ${DATE_TIME}, validity_interval_start: ${DATE_TIME}, validity_interval_end: ${DATE_TIME}}`;

/** Blue Book 4.5.1 Clock (class_id 8, version 0). */
export const CLOCK: InterfaceClassDef = {
  classId: 8,
  version: 0,
  name: 'Clock',
  clause: '4.5.1',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'time', type: DATE_TIME },
    { index: 3, name: 'time_zone', type: 'long' }, // deviation of local normal time to UTC, minutes
    { index: 4, name: 'status', type: 'unsigned' }, // clock status bits, Blue Book 4.1.6.1
    { index: 5, name: 'daylight_savings_begin', type: DATE_TIME },
    { index: 6, name: 'daylight_savings_end', type: DATE_TIME },
    { index: 7, name: 'daylight_savings_deviation', type: 'integer[-120..120]' }, // minutes, -120..120
    { index: 8, name: 'daylight_savings_enabled', type: 'boolean' },
    { index: 9, name: 'clock_base', type: 'enum[0..5]', static: true }, // 0 not defined, 1 crystal, 2 50 Hz, 3 60 Hz, 4 GPS, 5 radio
  ],
  methods: [
    { index: 1, name: 'adjust_to_quarter', parameter: INTEGER_ZERO },
    { index: 2, name: 'adjust_to_measuring_period', parameter: INTEGER_ZERO },
    { index: 3, name: 'adjust_to_minute', parameter: INTEGER_ZERO },
    { index: 4, name: 'adjust_to_preset_time', parameter: INTEGER_ZERO },
    { index: 5, name: 'preset_adjusting_time', parameter: ADJUSTING_TIME },
    { index: 6, name: 'shift_time', parameter: 'long' }, // seconds, -900..900
  ],
};
