import type { Fault } from './types';
import { rewriteSelection } from './selection-rewrite';

/** to_entry 0 read as the number 0, so nothing is selected. */
export const entryToLastIgnored: Fault = {
  name: 'entry-to-last-ignored',
  description: 'An entry selection (selector 2) with to_entry 0 returns no entry instead of every entry from from_entry to the last.',
  clause: 'Blue Book 4.3.6 (entry_descriptor: to_entry 0 means the highest entry)',
  hooks: {
    transformSelection: (_address, selection) =>
      rewriteSelection(selection, (s) =>
        s.selector === 2 && s.entry.toEntry === 0 && s.entry.fromEntry > 1 ? { ...s, entry: { ...s.entry, toEntry: 1 } } : s,
      ),
  },
};
