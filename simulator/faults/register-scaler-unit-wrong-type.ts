import type { Fault } from './types';

/** Register scaler_unit with the wrong element types. */
export const registerScalerUnitWrongType: Fault = {
  name: 'register-scaler-unit-wrong-type',
  description: 'Register scaler_unit (class 3 attribute 3) is returned as structure { long, long } instead of structure { integer, enum }.',
  clause: 'Blue Book 4.3.2 (Register scaler_unit)',
  hooks: {
    onGet: (address, result) => {
      if (address.classId !== 3 || address.attribute !== 3 || result.kind !== 'data' || result.data.type !== 'structure') return result;
      const numbers = result.data.items.map((d) => ('value' in d && typeof d.value === 'number' ? d.value : 0));
      return { kind: 'data', data: { type: 'structure', items: numbers.map((value) => ({ type: 'long', value })) } };
    },
  },
};
