import type { Fault } from './types';

export const clockAdjustToQuarterIgnored: Fault = {
  name: 'clock-adjust-to-quarter-ignored',
  description: 'Clock adjust_to_quarter (class 8 method 1) answers success and leaves the time as it was.',
  clause: 'Blue Book 4.5.1 (Clock adjust_to_quarter: the time is set to the nearest quarter of an hour)',
  hooks: { ignoreMethod: (classId, method, ignored) => ignored || (classId === 8 && method === 1) },
};
