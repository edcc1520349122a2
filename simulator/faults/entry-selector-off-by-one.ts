import type { Data } from '../../dlms/axdr/data';
import type { Fault } from './types';

/** from_entry / to_entry read as if the first entry were 0: one entry later than asked. */
function shift(d: Data | undefined): Data | undefined {
  // 0 in to_entry means "the last entry" and stays so.
  return d?.type === 'double-long-unsigned' && d.value !== 0 ? { ...d, value: d.value + 1 } : d;
}

export const entrySelectorOffByOne: Fault = {
  name: 'entry-selector-off-by-one',
  description: 'Selective access by entry (selector 2) counts entries from 0: entries from..to come back as from+1..to+1.',
  clause: 'Blue Book 4.3.6 (entry_descriptor: the first entry is 1)',
  hooks: {
    transformSelection: (_address, selection) => {
      if (selection?.selector !== 2 || selection.parameters.type !== 'structure') return selection;
      const [from, to, ...rest] = selection.parameters.items;
      const items = [shift(from), shift(to), ...rest].filter((d): d is Data => d !== undefined);
      return { selector: 2, parameters: { type: 'structure', items } };
    },
  },
};
