/** Modem configuration (class 27, Blue Book 4.7.4): comm_speed 0 (300) .. 9 (115200 baud). */
import { type ClassSemantics, range } from './types';

export const MODEM_CONFIGURATION_SEMANTICS: ClassSemantics = {
  classId: 27,
  clause: '4.7.4',
  check: ({ values }) => range(values, 2, 'comm_speed (0 = 300 … 9 = 115200 baud)', 0, 9),
};
