/**
 * Register monitor (class 21, Blue Book 4.5.6): the thresholds have the type of the monitored
 * attribute (DLMS UA 1001-6 §7.3.7; read from the monitored object), and actions hold one
 * action_up / action_down pair per threshold.
 */
import { formatData } from '../../../dlms/axdr/format';
import { type ClassSemantics, itemsOf, numberOf, type Problem, type Reference } from './types';
import type { Data } from '../../../dlms/axdr/data';
import { formatObis } from '../../../dlms/cosem/obis';

const THRESHOLDS = 2;
const MONITORED_VALUE = 3;
const ACTIONS = 4;

/** The attribute a value_definition structure {class_id, logical_name, attribute_index} names. */
export function valueDefinition(d: Data | undefined): Reference | undefined {
  const [classId, name, attribute] = itemsOf(d);
  const c = numberOf(classId);
  const a = numberOf(attribute);
  if (c === undefined || a === undefined || name?.type !== 'octet-string' || name.value.length !== 6 || name.value.every((b) => b === 0)) return undefined;
  return { classId: c, obis: formatObis(name.value), attribute: a };
}

/** Problems with thresholds whose Data type is not that of the monitored attribute's value. */
export function thresholdTypeProblems(
  thresholds: readonly { readonly attribute: number; readonly name: string; readonly value: Data | undefined }[],
  monitored: Data | undefined,
  ref: Reference,
): Problem[] {
  // A monitored attribute with no value yet (null-data) gives no type to compare with.
  if (!monitored || monitored.type === 'null-data') return [];
  return thresholds
    .filter((t) => t.value !== undefined && t.value.type !== monitored.type)
    .map((t) => ({
      attribute: t.attribute,
      expected: `${t.name} of the monitored attribute's type (${monitored.type}, ${ref.obis}/${ref.attribute})`,
      actual: formatData(t.value!),
    }));
}

export const REGISTER_MONITOR_SEMANTICS: ClassSemantics = {
  classId: 21,
  clause: '4.5.6',
  references(values) {
    const ref = valueDefinition(values.get(MONITORED_VALUE));
    return ref ? [ref] : [];
  },
  check({ values, referenced }) {
    const thresholds = itemsOf(values.get(THRESHOLDS));
    const ref = valueDefinition(values.get(MONITORED_VALUE));
    const problems: Problem[] = ref
      ? thresholdTypeProblems(
          thresholds.map((value, i) => ({ attribute: THRESHOLDS, name: `thresholds[${i}]`, value })),
          referenced?.(ref),
          ref,
        )
      : [];
    const actions = values.get(ACTIONS);
    if (actions?.type === 'array' && values.has(THRESHOLDS) && actions.items.length !== thresholds.length) {
      problems.push({
        attribute: ACTIONS,
        expected: `one action_up/action_down pair per threshold (${thresholds.length})`,
        actual: `${actions.items.length} action sets`,
      });
    }
    return problems;
  },
};
