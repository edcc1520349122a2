import type { Fault } from './types';

const LIMITER = 71;

export const limiterActionSwapped: Fault = {
  name: 'limiter-action-swapped',
  description: 'A Limiter runs action_under_threshold when the value goes over threshold_active, and action_over_threshold when it goes under.',
  clause: 'Blue Book 4.5.9 (Limiter actions: action_over_threshold is the script for a value over threshold_active)',
  hooks: { monitorAction: (classId, _crossed, runs) => (classId === LIMITER && runs ? (runs === 'up' ? 'down' : 'up') : runs) },
};
