/** Utility tables (class 26, Blue Book 4.3.7): length is the number of octets of the table in buffer. */
import { type ClassSemantics, numberOf } from './types';

const LENGTH = 3;
const BUFFER = 4;

export const UTILITY_TABLES_SEMANTICS: ClassSemantics = {
  classId: 26,
  clause: '4.3.7',
  check({ values }) {
    const length = numberOf(values.get(LENGTH));
    const buffer = values.get(BUFFER);
    if (length === undefined || buffer?.type !== 'octet-string' || buffer.value.length === length) return [];
    return [{ attribute: LENGTH, expected: `length ${buffer.value.length}, the octets in buffer`, actual: String(length) }];
  },
};
