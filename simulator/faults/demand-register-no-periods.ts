import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const demandRegisterNoPeriods: Fault = {
  name: 'demand-register-no-periods',
  description: 'Demand register number_of_periods (class 5 attribute 9) reads 0.',
  clause: 'Blue Book 4.3.4 (Demand register: number_of_periods >= 1)',
  hooks: alterAttribute(5, 9, () => ({ type: 'long-unsigned', value: 0 })),
};
