/**
 * Script table (class 9, Blue Book 4.5.2): each script_identifier names one script, and each
 * action is a write attribute (service_id 1) or an execute method (2). An action with
 * service_id 0 is the "dummy" action DLMS UA 1001-6 §7.3.5 tolerates: a remark, not a failure.
 */
import { type ClassSemantics, duplicates, itemsOf, numberOf, type Problem } from './types';

const SCRIPTS = 2;
const WRITE_ATTRIBUTE = 1;
const EXECUTE_METHOD = 2;
const DUMMY = 0;

export const SCRIPT_TABLE_SEMANTICS: ClassSemantics = {
  classId: 9,
  clause: '4.5.2',
  check({ values }) {
    const problems: Problem[] = [];
    const scripts = itemsOf(values.get(SCRIPTS));
    const ids = scripts.map((s) => numberOf(itemsOf(s)[0]));
    for (const id of duplicates(ids))
      problems.push({ attribute: SCRIPTS, expected: 'each script_identifier used by one script', actual: `script_identifier ${id} twice` });
    scripts.forEach((s, i) => {
      itemsOf(itemsOf(s)[1]).forEach((action, j) => {
        const service = numberOf(itemsOf(action)[0]);
        if (service === undefined || service === WRITE_ATTRIBUTE || service === EXECUTE_METHOD) return;
        const where = `scripts[${i}] (script_identifier ${ids[i]}) action ${j}`;
        if (service === DUMMY)
          problems.push({
            attribute: SCRIPTS,
            expected: `${where}: service_id 1 (write attribute) or 2 (execute method)`,
            actual: 'service_id 0, a dummy action (DLMS UA 1001-6 §7.3.5 tolerates it)',
            remark: true,
          });
        else problems.push({ attribute: SCRIPTS, expected: `${where}: service_id 1 (write attribute) or 2 (execute method)`, actual: `service_id ${service}` });
      });
    });
    return problems;
  },
};
