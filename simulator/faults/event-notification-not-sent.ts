import type { Fault } from './types';

/** A method that reports an event answers success but sends no event-notification-request. */
export const eventNotificationNotSent: Fault = {
  name: 'event-notification-not-sent',
  description:
    'A method whose effect the server reports by event (the test object notify, method 2) answers success, but no event-notification-request follows.',
  clause: 'Green Book 9.3.x (EventNotification service, event-notification-request)',
  hooks: {
    onEvent: () => undefined,
  },
};
