import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const singleActionScheduleTimesDiffer: Fault = {
  name: 'single-action-schedule-times-differ',
  description: 'Single action schedule type (class 22 attribute 3) reads 2 (one time of day) while execution_time holds different times of day.',
  clause: 'Blue Book 4.5.7 (Single action schedule type 2 and 3: every execution time at the same time of day)',
  hooks: alterAttribute(22, 3, () => ({ type: 'enum', value: 2 })),
};
