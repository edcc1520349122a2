/** Extended register (class 4, Blue Book 4.3.3): a Register's rules, and capture_time a valid date-time. */
import { dateTimeProblems } from './date-time';
import { valueAndUnit } from './register';
import type { ClassSemantics } from './types';

export const EXTENDED_REGISTER_SEMANTICS: ClassSemantics = {
  classId: 4,
  clause: '4.3.3',
  check: ({ values }) => [...valueAndUnit(values), ...dateTimeProblems(values.get(5), 5, 'capture_time')],
};
