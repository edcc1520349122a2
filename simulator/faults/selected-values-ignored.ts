import type { Fault } from './types';

/** A range selection's selected_values dropped: every column comes back. */
export const selectedValuesIgnored: Fault = {
  name: 'selected-values-ignored',
  description: 'Selective access by range ignores selected_values and returns every capture object of each row.',
  clause: 'Blue Book 4.3.6 (range_descriptor selected_values)',
  hooks: {
    transformSelection: (_address, selection) => {
      if (selection?.selector !== 1 || selection.parameters.type !== 'structure' || selection.parameters.items.length !== 4) return selection;
      const [restricting, from, to] = selection.parameters.items;
      return { selector: 1, parameters: { type: 'structure', items: [restricting!, from!, to!, { type: 'array', items: [] }] } };
    },
  },
};
