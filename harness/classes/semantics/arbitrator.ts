/**
 * Arbitrator (class 68, Blue Book 4.5.12): permissions_table and weightings_table hold one
 * element per actor, and each element one bit or one weight per action of actions; so does each
 * bit-string of most_recent_requests_table.
 */
import { type ClassSemantics, itemsOf, type Problem } from './types';

const ACTIONS = 2;
const PERMISSIONS_TABLE = 3;
const WEIGHTINGS_TABLE = 4;
const MOST_RECENT_REQUESTS_TABLE = 5;

export const ARBITRATOR_SEMANTICS: ClassSemantics = {
  classId: 68,
  clause: '4.5.12',
  check({ values }) {
    if (values.get(ACTIONS)?.type !== 'array') return [];
    const actions = itemsOf(values.get(ACTIONS)).length;
    const problems: Problem[] = [];
    for (const [attribute, name] of [
      [PERMISSIONS_TABLE, 'permissions_table'],
      [MOST_RECENT_REQUESTS_TABLE, 'most_recent_requests_table'],
    ] as const)
      itemsOf(values.get(attribute)).forEach((bits, i) => {
        if (bits.type === 'bit-string' && bits.length !== actions)
          problems.push({ attribute, expected: `${name}[${i}] one bit per action (${actions})`, actual: `${bits.length} bits` });
      });
    itemsOf(values.get(WEIGHTINGS_TABLE)).forEach((row, i) => {
      if (row.type === 'array' && row.items.length !== actions)
        problems.push({
          attribute: WEIGHTINGS_TABLE,
          expected: `weightings_table[${i}] one weight per action (${actions})`,
          actual: `${row.items.length} weights`,
        });
    });
    return problems;
  },
};
