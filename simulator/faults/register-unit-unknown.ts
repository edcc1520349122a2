import type { Fault } from './types';

/** Blue Book 4.3.2 unit table: 0 is no unit (the table starts at 1, year). */
const NO_SUCH_UNIT = 0;

/** Register scaler_unit naming a unit the Blue Book does not define. */
export const registerUnitUnknown: Fault = {
  name: 'register-unit-unknown',
  description: 'Register scaler_unit (class 3 attribute 3) carries unit 0, which the Blue Book unit table does not define.',
  clause: 'Blue Book 4.3.2 (Register scaler_unit, unit enumeration)',
  hooks: {
    onGet: (address, result) => {
      if (address.classId !== 3 || address.attribute !== 3 || result.kind !== 'data' || result.data.type !== 'structure') return result;
      const [scaler] = result.data.items;
      return { kind: 'data', data: { type: 'structure', items: [scaler ?? { type: 'integer', value: 0 }, { type: 'enum', value: NO_SUCH_UNIT }] } };
    },
  },
};
