import type { Fault } from './types';

export const pushItemsReversed: Fault = {
  name: 'push-items-reversed',
  description: 'Push setup push (class 40 method 1) sends the values of push_object_list in reverse order.',
  clause: 'Blue Book 4.4.8 (Push setup push: the data-notification carries the attributes of push_object_list, in order)',
  hooks: {
    onPush: (n) =>
      n.notificationBody.type === 'structure' ? { ...n, notificationBody: { type: 'structure', items: [...n.notificationBody.items].reverse() } } : n,
  },
};
