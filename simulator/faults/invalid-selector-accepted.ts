import type { Fault } from './types';

/** An access selector the attribute does not serve is ignored instead of refused. */
export const invalidSelectorAccepted: Fault = {
  name: 'invalid-selector-accepted',
  description: 'A GET with an access selector other than 1 or 2 is answered with the whole attribute instead of a data-access-result.',
  clause: 'Green Book 9.3.6 (selective access) and Blue Book 4.3.6 (Profile generic selectors 1 and 2)',
  hooks: {
    transformSelection: (_address, selection) => (selection && selection.selector !== 1 && selection.selector !== 2 ? undefined : selection),
  },
};
