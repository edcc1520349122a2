import type { Variant } from './types';

/** No order is prescribed for object_list: this meter lists its objects last first. */
export const objectListReversed: Variant = {
  name: 'object-list-reversed',
  description: 'The Association object_list lists the objects in the reverse order of the meter definition (the current association last).',
  clause: 'Blue Book 4.4.3 (object_list: the objects accessible in the association; no order prescribed)',
  hooks: { transformObjectList: (entries) => [...entries].reverse() },
  affects: ['association/*', 'services/*', 'classes/*', 'selective-access/*', 'security/*'],
};
