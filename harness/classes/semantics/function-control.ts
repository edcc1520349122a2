/**
 * Function control (class 122, Blue Book 4.4.10): activation_status gives the status of the
 * functions of function_list: each function named once in each, and the same functions in both.
 */
import { type ClassSemantics, duplicates, itemsOf, octetsText, type Problem } from './types';

const ACTIVATION_STATUS = 2;
const FUNCTION_LIST = 3;

export const FUNCTION_CONTROL_SEMANTICS: ClassSemantics = {
  classId: 122,
  clause: '4.4.10',
  check({ values }) {
    if (!values.has(ACTIVATION_STATUS) || !values.has(FUNCTION_LIST)) return [];
    const names = (attribute: number) => itemsOf(values.get(attribute)).map((e) => octetsText(itemsOf(e)[0]));
    const statuses = names(ACTIVATION_STATUS);
    const functions = names(FUNCTION_LIST);
    const problems: Problem[] = [];
    for (const [attribute, list, what] of [
      [ACTIVATION_STATUS, statuses, 'activation_status'],
      [FUNCTION_LIST, functions, 'function_list'],
    ] as const)
      for (const n of duplicates(list)) problems.push({ attribute, expected: `each function named once in ${what}`, actual: `${n} twice` });
    for (const n of statuses)
      if (n !== undefined && !functions.includes(n))
        problems.push({ attribute: ACTIVATION_STATUS, expected: 'activation_status names functions of function_list', actual: `${n}, not in function_list` });
    for (const n of functions)
      if (n !== undefined && !statuses.includes(n))
        problems.push({ attribute: ACTIVATION_STATUS, expected: 'a status for every function of function_list', actual: `none for ${n}` });
    return problems;
  },
};
