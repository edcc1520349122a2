import type { Fault } from './types';

export const calendarActivationIgnored: Fault = {
  name: 'calendar-activation-ignored',
  description: 'Activity calendar activate_passive_calendar (class 20 method 1) answers success and leaves the active calendar as it was.',
  clause: 'Blue Book 4.5.5 (Activity calendar activate_passive_calendar: the passive calendar becomes the active one)',
  hooks: { ignoreMethod: (classId, method, ignored) => ignored || (classId === 20 && method === 1) },
};
