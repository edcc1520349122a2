/**
 * Communication port protection (class 124, Blue Book 4.4.12): protection_status follows
 * protection_mode. Mode 0 (locked) keeps the port locked, so its status is 2 (locked); mode 2
 * (unlocked) keeps it open, so its status is 0 (unlocked); only mode 1 (locked on failed
 * attempts) lets the status move, through 1 (temporarily locked).
 */
import { type ClassSemantics, numberOf, type Problem } from './types';

const PROTECTION_MODE = 2;
const PROTECTION_STATUS = 8;

/** protection_mode → the one protection_status it allows (mode 1 allows any). */
const STATUS_OF_MODE: Readonly<Record<number, readonly [number, string]>> = {
  0: [2, 'locked'],
  2: [0, 'unlocked'],
};
const MODE_NAMES = ['locked', 'locked on failed attempts', 'unlocked'];

export const COMMUNICATION_PORT_PROTECTION_SEMANTICS: ClassSemantics = {
  classId: 124,
  clause: '4.4.12',
  check({ values }): Problem[] {
    const mode = numberOf(values.get(PROTECTION_MODE));
    const status = numberOf(values.get(PROTECTION_STATUS));
    const want = mode === undefined ? undefined : STATUS_OF_MODE[mode];
    if (!want || status === undefined || status === want[0]) return [];
    return [
      {
        attribute: PROTECTION_STATUS,
        expected: `protection_status ${want[0]} (${want[1]}) under protection_mode ${mode} (${MODE_NAMES[mode!]})`,
        actual: String(status),
      },
    ];
  },
};
