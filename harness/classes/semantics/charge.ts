/** Charge (class 113, Blue Book 4.6.4): proportion is a share in hundredths of a percent, 0..10000 (0 % .. 100 %). */
import { type ClassSemantics, range } from './types';

const PROPORTION = 13;

export const CHARGE_SEMANTICS: ClassSemantics = {
  classId: 113,
  clause: '4.6.4',
  check: ({ values }) => range(values, PROPORTION, 'proportion (hundredths of a percent)', 0, 10000),
};
