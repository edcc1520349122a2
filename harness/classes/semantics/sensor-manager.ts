/**
 * Sensor manager (class 67, Blue Book 4.5.11): as in a Register monitor (4.5.6), the raw value
 * thresholds have the type of raw_value, and each list of actions holds one action_up /
 * action_down pair per threshold (raw_value_actions for raw_value_thresholds,
 * processed_value_actions for processed_value_thresholds).
 */
import { formatData } from '../../../dlms/axdr/format';
import { type ClassSemantics, itemsOf, type Problem } from './types';

const RAW_VALUE = 7;
const PAIRS = [
  { thresholds: 11, actions: 12, name: 'raw_value' },
  { thresholds: 14, actions: 15, name: 'processed_value' },
] as const;

export const SENSOR_MANAGER_SEMANTICS: ClassSemantics = {
  classId: 67,
  clause: '4.5.11',
  check({ values }) {
    const problems: Problem[] = [];
    const raw = values.get(RAW_VALUE);
    if (raw && raw.type !== 'null-data')
      itemsOf(values.get(11)).forEach((t, i) => {
        if (t.type !== raw.type)
          problems.push({ attribute: 11, expected: `raw_value_thresholds[${i}] of raw_value's type (${raw.type})`, actual: formatData(t) });
      });
    for (const p of PAIRS) {
      const actions = values.get(p.actions);
      const thresholds = itemsOf(values.get(p.thresholds));
      if (actions?.type === 'array' && values.has(p.thresholds) && actions.items.length !== thresholds.length)
        problems.push({
          attribute: p.actions,
          expected: `one action_up/action_down pair per ${p.name} threshold (${thresholds.length})`,
          actual: `${actions.items.length} action sets`,
        });
    }
    return problems;
  },
};
