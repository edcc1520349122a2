/**
 * Access control and management classes beyond associations, images, security and push (Blue
 * Book 4.4): data protection, function control, array manager, communication port protection.
 */
import { CAPTURE_OBJECT_DEFINITION, INTEGER_ZERO, OBIS, OBJECT_DEFINITION, defineClass } from './common';

/** Blue Book 4.4.7 Data protection (class_id 30, version 0). */
export const DATA_PROTECTION = defineClass(
  30,
  0,
  'Data protection',
  '4.4.7',
  [
    ['protection_buffer', 'octet-string'],
    ['protection_object_list', `array<${CAPTURE_OBJECT_DEFINITION}>`, 'static'],
    ['protection_parameters_get', 'array<any>', 'static'],
    ['protection_parameters_set', 'array<any>', 'static'],
    ['required_protection', 'enum', 'static'],
  ],
  [
    ['get_protected_attributes', 'any'],
    ['set_protected_attributes', 'any'],
    ['invoke_protected_method', 'any'],
  ],
);

const FUNCTION_STATUS = 'array<structure{function_name: octet-string, status: boolean}>';
const FUNCTION_LIST = `array<structure{function_name: octet-string, function_specification: array<${OBJECT_DEFINITION}>}>`;

/** Blue Book 4.4.10 Function control (class_id 122, version 0). */
export const FUNCTION_CONTROL = defineClass(
  122,
  0,
  'Function control',
  '4.4.10',
  [
    ['activation_status', FUNCTION_STATUS],
    ['function_list', FUNCTION_LIST, 'static'],
  ],
  [
    ['set_function_status', FUNCTION_STATUS],
    ['add_function', FUNCTION_LIST],
    ['remove_function', FUNCTION_LIST],
  ],
);

const RANGE = 'structure{id: unsigned, from_index: double-long-unsigned, to_index: double-long-unsigned}';
const ENTRY = 'structure{id: unsigned, index: double-long-unsigned, data: any}';

/** Blue Book 4.4.11 Array manager (class_id 123, version 0). */
export const ARRAY_MANAGER = defineClass(
  123,
  0,
  'Array manager',
  '4.4.11',
  [
    [
      'array_components',
      `array<structure{id: unsigned, table_object_definition: structure{class_id: long-unsigned, logical_name: ${OBIS}, attribute_index: integer}}>`,
      'static',
    ],
  ],
  [
    ['number_of_entries', 'unsigned'],
    ['retrieve_entries', RANGE],
    ['insert_entry', ENTRY],
    ['update_entry', ENTRY],
    ['remove_entries', RANGE],
  ],
);

/** Blue Book 4.4.12 Communication port protection (class_id 124, version 0). */
export const COMMUNICATION_PORT_PROTECTION = defineClass(
  124,
  0,
  'Communication port protection',
  '4.4.12',
  [
    ['protection_mode', 'enum[0..2]'], // 0 locked, 1 lockout on failed attempts, 2 unlocked
    ['allowed_failed_attempts', 'long-unsigned'],
    ['initial_lockout_time', 'double-long-unsigned'],
    ['steepness_factor', 'unsigned'],
    ['max_lockout_time', 'double-long-unsigned'],
    ['port_reference', OBIS, 'static'],
    ['protection_status', 'enum[0..2]'], // 0 unlocked, 1 temporarily locked, 2 locked
    ['failed_attempts', 'double-long-unsigned'],
    ['cumulative_failed_attempts', 'double-long-unsigned'],
  ],
  [['reset', INTEGER_ZERO]],
);

export const ACCESS_CONTROL_EXTRA = [DATA_PROTECTION, FUNCTION_CONTROL, ARRAY_MANAGER, COMMUNICATION_PORT_PROTECTION];
