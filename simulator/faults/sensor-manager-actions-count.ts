import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const sensorManagerActionsCount: Fault = {
  name: 'sensor-manager-actions-count',
  description: 'Sensor manager raw_value_actions (class 67 attribute 12) holds one action set fewer than raw_value_thresholds.',
  clause: 'Blue Book 4.5.11 (Sensor manager: one action set per raw value threshold)',
  hooks: alterAttribute(67, 12, (v) => (v.type === 'array' ? { ...v, items: v.items.slice(1) } : undefined)),
};
