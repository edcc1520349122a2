/**
 * Auto answer (class 28, Blue Book 4.7.5): mode is 0 (line dedicated to the device), 1 and 2
 * (shared line, limited calls / limited successful calls), 3 (no modem connected) or 200..255
 * (manufacturer specific); status is 0 (inactive), 1 (active) or 2 (locked).
 */
import { type ClassSemantics, enumIn } from './types';

const MODE = 2;
const STATUS = 4;

export const AUTO_ANSWER_SEMANTICS: ClassSemantics = {
  classId: 28,
  clause: '4.7.5',
  check: ({ values }) => [
    ...enumIn(values, MODE, 'mode', [
      [0, 3],
      [200, 255],
    ]),
    ...enumIn(values, STATUS, 'status (0 inactive, 1 active, 2 locked)', [[0, 2]]),
  ],
};
