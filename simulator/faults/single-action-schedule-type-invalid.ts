import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const singleActionScheduleTypeInvalid: Fault = {
  name: 'single-action-schedule-type-invalid',
  description: 'Single action schedule type (class 22 attribute 3) reads 6, a type the Blue Book does not define.',
  clause: 'Blue Book 4.5.7 (Single action schedule type: 1..5)',
  hooks: alterAttribute(22, 3, () => ({ type: 'enum', value: 6 })),
};
