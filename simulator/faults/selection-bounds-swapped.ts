import type { Fault } from './types';
import { boundOrdinal, rewriteSelection } from './selection-rewrite';

/** from > to is served as to..from instead of selecting nothing. */
export const selectionBoundsSwapped: Fault = {
  name: 'selection-bounds-swapped',
  description:
    'A range (selector 1) whose from_value is after to_value, or an entry selection (selector 2) whose from_entry is after to_entry, is served with the bounds swapped instead of selecting nothing.',
  clause: 'Blue Book 4.3.6 (range_descriptor and entry_descriptor: the rows between from and to)',
  hooks: {
    transformSelection: (_address, selection) =>
      rewriteSelection(selection, (s) => {
        if (s.selector === 1) {
          const from = boundOrdinal(s.range.fromValue);
          const to = boundOrdinal(s.range.toValue);
          return from !== undefined && to !== undefined && from > to
            ? { ...s, range: { ...s.range, fromValue: s.range.toValue, toValue: s.range.fromValue } }
            : s;
        }
        const e = s.entry;
        return e.toEntry !== 0 && e.fromEntry > e.toEntry ? { ...s, entry: { ...e, fromEntry: e.toEntry, toEntry: e.fromEntry } } : s;
      }),
  },
};
