import type { Fault } from './types';

/** Selective access by range (selector 1) answered with the whole buffer. */
export const rangeSelectorIgnored: Fault = {
  name: 'range-selector-ignored',
  description: 'A GET of a Profile generic buffer with a range_descriptor (selector 1) returns the whole buffer.',
  clause: 'Blue Book 4.3.6 (Profile generic buffer, selective access by range)',
  hooks: {
    transformSelection: (_address, selection) => (selection?.selector === 1 ? undefined : selection),
  },
};
