import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const chargeProportionOutOfRange: Fault = {
  name: 'charge-proportion-out-of-range',
  description: 'Charge proportion (class 113 attribute 13) reads 10001, more than 100 %.',
  clause: 'Blue Book 4.6.4 (Charge proportion: 0..10000, hundredths of a percent)',
  hooks: alterAttribute(113, 13, () => ({ type: 'long-unsigned', value: 10001 })),
};
