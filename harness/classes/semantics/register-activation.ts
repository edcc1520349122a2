/**
 * Register activation (class 6, Blue Book 4.3.5): a mask's index_list points into
 * register_assignment (1-based), and active_mask names one of the masks of mask_list.
 */
import { formatData } from '../../../dlms/axdr/format';
import { bytesEqual } from '../../../dlms/bytes';
import { type ClassSemantics, itemsOf, numberOf, octetsText, type Problem } from './types';

const REGISTER_ASSIGNMENT = 2;
const MASK_LIST = 3;
const ACTIVE_MASK = 4;

export const REGISTER_ACTIVATION_SEMANTICS: ClassSemantics = {
  classId: 6,
  clause: '4.3.5',
  check({ values }) {
    const problems: Problem[] = [];
    const registers = itemsOf(values.get(REGISTER_ASSIGNMENT)).length;
    const masks = itemsOf(values.get(MASK_LIST));
    masks.forEach((mask, i) => {
      const outside = itemsOf(itemsOf(mask)[1])
        .map(numberOf)
        .filter((n): n is number => n !== undefined && (n < 1 || n > registers));
      if (outside.length && values.has(REGISTER_ASSIGNMENT)) {
        problems.push({
          attribute: MASK_LIST,
          expected: `mask_list[${i}].index_list indexes into register_assignment (1..${registers})`,
          actual: `index ${outside.join(', ')}`,
        });
      }
    });
    const active = values.get(ACTIVE_MASK);
    // An empty active_mask activates no mask; any other names one of mask_list.
    if (active?.type === 'octet-string' && active.value.length > 0 && values.has(MASK_LIST)) {
      const names = masks.map((m) => itemsOf(m)[0]);
      if (!names.some((n) => n?.type === 'octet-string' && bytesEqual(n.value, active.value))) {
        problems.push({
          attribute: ACTIVE_MASK,
          expected: `active_mask one of the mask_names of mask_list (${names.map((n) => octetsText(n) ?? formatData(n!)).join(', ') || 'none'})`,
          actual: octetsText(active)!,
        });
      }
    }
    return problems;
  },
};
