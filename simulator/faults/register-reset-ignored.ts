import type { Fault } from './types';

export const registerResetIgnored: Fault = {
  name: 'register-reset-ignored',
  description: 'Register reset (class 3 method 1) answers success and leaves the value as it was.',
  clause: 'Blue Book 4.3.2 (Register reset: the value is set to its default)',
  hooks: { ignoreMethod: (classId, method, ignored) => ignored || (classId === 3 && method === 1) },
};
