/**
 * Special days table (class 11, Blue Book 4.5.4): each entry has its own index. (That its
 * specialday_date is a valid date, wildcards allowed, is the catalogue type's check:
 * octet-string(date).)
 */
import { type ClassSemantics, duplicates, itemsOf, numberOf } from './types';

const ENTRIES = 2;

export const SPECIAL_DAYS_TABLE_SEMANTICS: ClassSemantics = {
  classId: 11,
  clause: '4.5.4',
  check({ values }) {
    const entries = itemsOf(values.get(ENTRIES));
    return duplicates(entries.map((e) => numberOf(itemsOf(e)[0]))).map((index) => ({
      attribute: ENTRIES,
      expected: 'each special day index used once',
      actual: `index ${index} twice`,
    }));
  },
};
