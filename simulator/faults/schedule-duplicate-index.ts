import { alterAttribute, items, scheduleEntry } from './attribute-hook';
import type { Fault } from './types';

export const scheduleDuplicateIndex: Fault = {
  name: 'schedule-duplicate-index',
  description: 'Schedule entries (class 10 attribute 2) hold two entries with index 1.',
  clause: 'Blue Book 4.5.3 (Schedule: each entry has its own index)',
  hooks: alterAttribute(10, 2, (v) => ({ type: 'array', items: [...items(v), scheduleEntry(1, 6), scheduleEntry(1, 18)] })),
};
