import { alterAttribute, items } from './attribute-hook';
import type { Fault } from './types';

export const registerMonitorActionsCount: Fault = {
  name: 'register-monitor-actions-count',
  description: 'Register monitor actions (class 21 attribute 4) hold one action set fewer than there are thresholds.',
  clause: 'Blue Book 4.5.6 (Register monitor: one action set per threshold)',
  hooks: alterAttribute(21, 4, (v) => ({ type: 'array', items: items(v).slice(1) })),
};
