import type { Fault } from './types';

export const profileResetIgnored: Fault = {
  name: 'profile-reset-ignored',
  description: 'Profile generic reset (class 7 method 1) answers success and clears no entry.',
  clause: 'Blue Book 4.3.6 (Profile generic reset: the buffer is cleared, entries_in_use becomes 0)',
  hooks: { ignoreMethod: (classId, method, ignored) => ignored || (classId === 7 && method === 1) },
};
