import type { Fault } from './types';

export const scriptExecuteIgnored: Fault = {
  name: 'script-execute-ignored',
  description: 'Script table execute (class 9 method 1) answers success and runs no action of the script.',
  clause: 'Blue Book 4.5.2 (Script table execute: the actions of the script are executed)',
  hooks: { ignoreMethod: (classId, method, ignored) => ignored || (classId === 9 && method === 1) },
};
