import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const autoAnswerStatusOutOfRange: Fault = {
  name: 'auto-answer-status-out-of-range',
  description: 'Auto answer status (class 28 attribute 4) reads 3, which the Blue Book does not define.',
  clause: 'Blue Book 4.7.5 (Auto answer status: 0 inactive, 1 active, 2 locked)',
  hooks: alterAttribute(28, 4, () => ({ type: 'enum', value: 3 })),
};
