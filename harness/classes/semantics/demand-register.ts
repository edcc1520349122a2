/**
 * Demand register (class 5, Blue Book 4.3.4): the last average is computed over
 * number_of_periods periods, which is at least 1.
 */
import { type ClassSemantics, range } from './types';

const NUMBER_OF_PERIODS = 9;

export const DEMAND_REGISTER_SEMANTICS: ClassSemantics = {
  classId: 5,
  clause: '4.3.4',
  check: ({ values }) => range(values, NUMBER_OF_PERIODS, 'number_of_periods (Blue Book 4.3.4: number_of_periods >= 1)', 1, 0xffff),
};
