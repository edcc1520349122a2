import type { Fault } from './types';

/** Lists one object twice. */
export const objectListDuplicateEntry: Fault = {
  name: 'object-list-duplicate-entry',
  description: 'The object list (Association LN attribute 2) holds its first entry twice.',
  clause: 'Blue Book 4.4.3 (Association LN object_list: each object once)',
  hooks: {
    transformObjectList: (entries) => (entries.length === 0 ? entries : [entries[0]!, ...entries]),
  },
};
