import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const limiterThresholdType: Fault = {
  name: 'limiter-threshold-type',
  description: 'Limiter threshold_active (class 71 attribute 3) is a visible-string while the monitored value is a number.',
  clause: 'Blue Book 4.5.9 (Limiter: thresholds of the monitored attribute type)',
  hooks: alterAttribute(71, 3, () => ({ type: 'visible-string', value: 'x' })),
};
