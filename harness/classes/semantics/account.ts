/**
 * Account (class 111, Blue Book 4.6.2): account_mode is 1 (credit) or 2 (prepayment), and
 * account_status 1 (new, inactive), 2 (active) or 3 (closed).
 */
import { type ClassSemantics, itemsOf, numberOf, type Problem } from './types';

const MODE_AND_STATUS = 2;

export const ACCOUNT_SEMANTICS: ClassSemantics = {
  classId: 111,
  clause: '4.6.2',
  check({ values }) {
    const [mode, status] = itemsOf(values.get(MODE_AND_STATUS)).map(numberOf);
    const problems: Problem[] = [];
    if (mode !== undefined && (mode < 1 || mode > 2))
      problems.push({ attribute: MODE_AND_STATUS, expected: 'account_mode 1 (credit) or 2 (prepayment)', actual: String(mode) });
    if (status !== undefined && (status < 1 || status > 3))
      problems.push({ attribute: MODE_AND_STATUS, expected: 'account_status 1 (new), 2 (active) or 3 (closed)', actual: String(status) });
    return problems;
  },
};
