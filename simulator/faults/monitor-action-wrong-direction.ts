import type { Fault } from './types';

const REGISTER_MONITOR = 21;

export const monitorActionWrongDirection: Fault = {
  name: 'monitor-action-wrong-direction',
  description: 'A Register monitor runs the action_up script when its value crosses a threshold downwards (as it does upwards).',
  clause: 'Blue Book 4.5.6 (Register monitor actions: action_down is the script for a downward crossing)',
  hooks: { monitorAction: (classId, crossed, runs) => (classId === REGISTER_MONITOR && crossed === 'down' && runs ? 'up' : runs) },
};
