/**
 * Schedule (class 10, Blue Book 4.5.3): each entry has its own index. (That its switch_time is
 * a valid time is the catalogue type's check: octet-string(time).)
 */
import { type ClassSemantics, duplicates, itemsOf, numberOf } from './types';

const ENTRIES = 2;

export const SCHEDULE_SEMANTICS: ClassSemantics = {
  classId: 10,
  clause: '4.5.3',
  check({ values }) {
    const entries = itemsOf(values.get(ENTRIES));
    return duplicates(entries.map((e) => numberOf(itemsOf(e)[0]))).map((index) => ({
      attribute: ENTRIES,
      expected: 'each entry index used once',
      actual: `index ${index} twice`,
    }));
  },
};
