import { CAPTURE_OBJECT_DEFINITION, INTEGER_ZERO, defineClass, type AttributeRow } from './common';

const V0: readonly AttributeRow[] = [
  ['compact_buffer', 'octet-string'],
  ['capture_objects', `array<${CAPTURE_OBJECT_DEFINITION}>`, 'static'],
  ['template_id', 'unsigned', 'static'],
  ['template_description', 'octet-string', 'static'],
];
const METHODS = [
  ['reset', INTEGER_ZERO],
  ['capture', INTEGER_ZERO],
] as const;

/** Blue Book 4.3.10 Compact data (class_id 62, version 0): captured values in one octet-string, typed by a template. */
export const COMPACT_DATA_V0 = defineClass(62, 0, 'Compact data', '4.3.10', V0, METHODS);

/** Blue Book 4.3.10 Compact data (class_id 62, version 1): adds capture_method (0 on capture, 1 on read). */
export const COMPACT_DATA = defineClass(62, 1, 'Compact data', '4.3.10', [...V0, ['capture_method', 'enum[0..1]', 'static']], METHODS);
