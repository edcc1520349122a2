import type { Fault } from './types';

const LIMITER = 71;

export const limiterActionNotRun: Fault = {
  name: 'limiter-action-not-run',
  description: 'A Limiter whose monitored value goes over (or under) threshold_active for the minimum duration runs no script.',
  clause: 'Blue Book 4.5.9 (Limiter actions: action_over_threshold / action_under_threshold run when the value stays over / under threshold_active)',
  hooks: { monitorAction: (classId, _crossed, runs) => (classId === LIMITER ? undefined : runs) },
};
