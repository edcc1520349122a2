import type { Fault } from './types';

export const profileCaptureIgnored: Fault = {
  name: 'profile-capture-ignored',
  description: 'Profile generic capture (class 7 method 2) answers success and adds no entry.',
  clause: 'Blue Book 4.3.6 (Profile generic capture: one entry is added)',
  hooks: { ignoreMethod: (classId, method, ignored) => ignored || (classId === 7 && method === 2) },
};
