import { CAPTURE_OBJECT_DEFINITION, INTEGER_ZERO, LOGICAL_NAME } from './common';
import type { InterfaceClassDef } from './types';

/**
 * Blue Book 4.3.6 Profile generic (class_id 7, version 1): a buffer of captured rows. The
 * buffer is an array of structures, one element per capture object (or a compact-array); its
 * selective access is selector 1 (range_descriptor) and 2 (entry_descriptor), see
 * ../selective-access.ts.
 */
export const PROFILE_GENERIC: InterfaceClassDef = {
  classId: 7,
  version: 1,
  name: 'Profile generic',
  clause: '4.3.6',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'buffer', type: 'array<any>', selectors: [1, 2] },
    { index: 3, name: 'capture_objects', type: `array<${CAPTURE_OBJECT_DEFINITION}>`, static: true },
    { index: 4, name: 'capture_period', type: 'double-long-unsigned', static: true }, // seconds; 0 = asynchronous
    { index: 5, name: 'sort_method', type: 'enum[1..6]', static: true }, // 1 fifo, 2 lifo, 3 largest, 4 smallest, 5 nearest_to_zero, 6 farthest_from_zero
    { index: 6, name: 'sort_object', type: CAPTURE_OBJECT_DEFINITION, static: true },
    { index: 7, name: 'entries_in_use', type: 'double-long-unsigned' },
    { index: 8, name: 'profile_entries', type: 'double-long-unsigned', static: true },
  ],
  methods: [
    { index: 1, name: 'reset', parameter: INTEGER_ZERO },
    { index: 2, name: 'capture', parameter: INTEGER_ZERO },
  ],
};
