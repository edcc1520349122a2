import { alterAttribute, items, scheduleEntry } from './attribute-hook';
import type { Fault } from './types';

export const scheduleSwitchTimeInvalid: Fault = {
  name: 'schedule-switch-time-invalid',
  description: 'Schedule entries (class 10 attribute 2) hold an entry whose switch_time is hour 25.',
  clause: 'Blue Book 4.5.3 (Schedule switch_time) and 4.1.6.1 (time: hour 0..23)',
  hooks: alterAttribute(10, 2, (v) => ({ type: 'array', items: [...items(v), scheduleEntry(900, 25)] })),
};
