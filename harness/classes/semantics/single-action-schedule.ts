/**
 * Single action schedule (class 22, Blue Book 4.5.7): type is one of 1..5, and execution_time
 * is as the type says: type 1 holds one execution time; types 2 and 3 hold times that are all
 * the same.
 */
import { formatData } from '../../../dlms/axdr/format';
import { type ClassSemantics, itemsOf, numberOf, type Problem, range } from './types';

const TYPE = 3;
const EXECUTION_TIME = 4;
const SAME_TIMES = [2, 3];

export const SINGLE_ACTION_SCHEDULE_SEMANTICS: ClassSemantics = {
  classId: 22,
  clause: '4.5.7',
  check({ values }) {
    const problems: Problem[] = range(values, TYPE, 'type', 1, 5);
    const type = numberOf(values.get(TYPE));
    const times = values.get(EXECUTION_TIME);
    if (times?.type !== 'array' || type === undefined) return problems;
    if (type === 1 && times.items.length !== 1)
      problems.push({ attribute: EXECUTION_TIME, expected: 'one execution_time (type 1)', actual: `${times.items.length} entries` });
    const distinct = new Set(times.items.map((t) => formatData(itemsOf(t)[0] ?? t)));
    if (SAME_TIMES.includes(type) && distinct.size > 1)
      problems.push({ attribute: EXECUTION_TIME, expected: `every execution_time at the same time of day (type ${type})`, actual: [...distinct].join(', ') });
    return problems;
  },
};
