import type { Fault } from './types';

export const clockShiftTimeIgnored: Fault = {
  name: 'clock-shift-time-ignored',
  description: 'Clock shift_time (class 8 method 6) answers success and leaves the time as it was.',
  clause: 'Blue Book 4.5.1 (Clock shift_time: the time is shifted by the seconds given)',
  hooks: { ignoreMethod: (classId, method, ignored) => ignored || (classId === 8 && method === 6) },
};
