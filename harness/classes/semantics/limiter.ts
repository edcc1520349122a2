/**
 * Limiter (class 71, Blue Book 4.5.9): threshold_active, threshold_normal and
 * threshold_emergency have the type of the monitored attribute (read from the monitored object).
 */
import { thresholdTypeProblems, valueDefinition } from './register-monitor';
import type { ClassSemantics } from './types';

const MONITORED_VALUE = 2;
const THRESHOLDS = [
  { attribute: 3, name: 'threshold_active' },
  { attribute: 4, name: 'threshold_normal' },
  { attribute: 5, name: 'threshold_emergency' },
] as const;

export const LIMITER_SEMANTICS: ClassSemantics = {
  classId: 71,
  clause: '4.5.9',
  references(values) {
    const ref = valueDefinition(values.get(MONITORED_VALUE));
    return ref ? [ref] : [];
  },
  check({ values, referenced }) {
    const ref = valueDefinition(values.get(MONITORED_VALUE));
    if (!ref) return [];
    return thresholdTypeProblems(
      THRESHOLDS.map((t) => ({ ...t, value: values.get(t.attribute) })),
      referenced?.(ref),
      ref,
    );
  },
};
