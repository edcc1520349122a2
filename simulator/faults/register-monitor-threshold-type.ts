import { alterAttribute, items } from './attribute-hook';
import type { Fault } from './types';

export const registerMonitorThresholdType: Fault = {
  name: 'register-monitor-threshold-type',
  description: 'Register monitor thresholds (class 21 attribute 2) hold a threshold of another type than the monitored value.',
  clause: 'Blue Book 4.5.6 (Register monitor: thresholds of the monitored attribute type); DLMS UA 1001-6 §7.3.7',
  hooks: alterAttribute(21, 2, (v) => ({
    type: 'array',
    items: items(v).length ? [{ type: 'visible-string', value: 'x' }, ...items(v).slice(1)] : [{ type: 'visible-string', value: 'x' }],
  })),
};
