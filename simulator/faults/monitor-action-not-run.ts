import type { Fault } from './types';

const REGISTER_MONITOR = 21;

export const monitorActionNotRun: Fault = {
  name: 'monitor-action-not-run',
  description: 'A Register monitor whose monitored value crosses a threshold (either way) runs no script.',
  clause: 'Blue Book 4.5.6 (Register monitor actions: the script of action_up / action_down runs when the value crosses the threshold)',
  hooks: { monitorAction: (classId, _crossed, runs) => (classId === REGISTER_MONITOR ? undefined : runs) },
};
