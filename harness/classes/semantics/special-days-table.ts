/**
 * Special days table (class 11, Blue Book 4.5.4): each entry has its own index. (That its
 * specialday_date is a valid date, wildcards allowed, is the catalogue type's check:
 * octet-string(date).)
 */
import { isDummy } from '../dummy';
import { type ClassSemantics, duplicates, itemsOf, numberOf } from './types';

const ENTRIES = 2;

export const SPECIAL_DAYS_TABLE_SEMANTICS: ClassSemantics = {
  classId: 11,
  clause: '4.5.4',
  check({ values }) {
    // All-zero entries are the dummies DLMS UA 1001-6 §7.3.10 tolerates: index 0 may repeat among them.
    const entries = itemsOf(values.get(ENTRIES)).filter((e) => !isDummy(e));
    return duplicates(entries.map((e) => numberOf(itemsOf(e)[0]))).map((index) => ({
      attribute: ENTRIES,
      expected: 'each special day index used once',
      actual: `index ${index} twice`,
    }));
  },
};
