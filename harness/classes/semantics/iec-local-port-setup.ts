/**
 * IEC local port setup (class 19, Blue Book 4.7.1): default_mode 0..2, the baud rates
 * 0 (300) .. 9 (115200) and response_time 0 (20 ms) or 1 (200 ms).
 */
import { type ClassSemantics, range } from './types';

export const IEC_LOCAL_PORT_SETUP_SEMANTICS: ClassSemantics = {
  classId: 19,
  clause: '4.7.1',
  check: ({ values }) => [
    ...range(values, 2, 'default_mode (0 IEC 62056-21, 1 IEC 62056-46, 2 not specified)', 0, 2),
    ...range(values, 3, 'default_baud (0 = 300 … 9 = 115200 baud)', 0, 9),
    ...range(values, 4, 'prop_baud (0 = 300 … 9 = 115200 baud)', 0, 9),
    ...range(values, 5, 'response_time (0 = 20 ms, 1 = 200 ms)', 0, 1),
  ],
};
