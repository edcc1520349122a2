import type { Fault } from './types';

export const monitorActionWrongDirection: Fault = {
  name: 'monitor-action-wrong-direction',
  description: 'A Register monitor runs the action_up script when its value crosses a threshold downwards (as it does upwards).',
  clause: 'Blue Book 4.5.6 (Register monitor actions: action_down is the script for a downward crossing)',
  hooks: { monitorAction: (crossed, runs) => (crossed === 'down' && runs ? 'up' : runs) },
};
