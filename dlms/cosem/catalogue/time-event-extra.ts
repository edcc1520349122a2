/** Time- and event-bound control classes beyond the calendar family (Blue Book 4.5.10–4.5.12). */
import { DATE_TIME, INTEGER_ZERO, SCALER_UNIT, SCRIPT_REFERENCE, VALUE_DEFINITION, defineClass } from './common';

/** Blue Book 4.5.10 Parameter monitor (class_id 65, version 0). */
export const PARAMETER_MONITOR = defineClass(
  65,
  0,
  'Parameter monitor',
  '4.5.10',
  [
    ['changed_parameter', 'structure{class_id: long-unsigned, logical_name: octet-string(obis), attribute_index: integer, attribute_value: any}'],
    ['capture_time', DATE_TIME],
    ['parameter_list', `array<${VALUE_DEFINITION}>`, 'static'],
  ],
  [
    ['add_parameter', VALUE_DEFINITION],
    ['delete_parameter', VALUE_DEFINITION],
  ],
);

const ACTIONS = `array<structure{action_up: ${SCRIPT_REFERENCE}, action_down: ${SCRIPT_REFERENCE}}>`;

/** Blue Book 4.5.11 Sensor manager (class_id 67, version 0). */
export const SENSOR_MANAGER = {
  ...defineClass(
    67,
    0,
    'Sensor manager',
    '4.5.11',
    [
      ['serial_number', 'octet-string', 'static'],
      ['metrological_identification', 'octet-string', 'static'],
      ['output_type', 'enum', 'static'],
      ['adjustment_method', 'octet-string', 'static'],
      ['sealing_method', 'enum', 'static'],
      ['raw_value', 'simple'],
      ['scaler_unit', SCALER_UNIT, 'static'],
      ['status', 'any'],
      ['capture_time', DATE_TIME],
      ['raw_value_thresholds', 'array<simple>', 'static'],
      ['raw_value_actions', ACTIONS, 'static'],
      ['processed_value', VALUE_DEFINITION, 'static'],
      ['processed_value_thresholds', 'array<simple>', 'static'],
      ['processed_value_actions', ACTIONS, 'static'],
    ],
    [['reset', INTEGER_ZERO]],
  ),
  provisional: true,
} as const;

/** Blue Book 4.5.12 Arbitrator (class_id 68, version 0). */
export const ARBITRATOR = defineClass(
  68,
  0,
  'Arbitrator',
  '4.5.12',
  [
    ['actions', `array<${SCRIPT_REFERENCE}>`, 'static'],
    ['permissions_table', 'array<bit-string>', 'static'],
    ['weightings_table', 'array<array<long-unsigned>>', 'static'],
    ['most_recent_requests_table', 'array<bit-string>'],
    ['last_outcome', 'unsigned'],
  ],
  [
    ['request', 'structure{request_id: unsigned, request: bit-string}'],
    ['reset', INTEGER_ZERO],
  ],
);

export const TIME_EVENT_EXTRA = [PARAMETER_MONITOR, SENSOR_MANAGER, ARBITRATOR];
