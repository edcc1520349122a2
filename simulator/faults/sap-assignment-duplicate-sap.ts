import type { Fault } from './types';

export const sapAssignmentDuplicateSap: Fault = {
  name: 'sap-assignment-duplicate-sap',
  description: 'SAP assignment SAP_assignment_list (class 17 attribute 2) lists its first logical device twice.',
  clause: 'Blue Book 4.4.4 (SAP assignment: one logical device per SAP)',
  hooks: {
    onGet: (address, result) => {
      if (address.classId !== 17 || address.attribute !== 2 || result.kind !== 'data' || result.data.type !== 'array' || !result.data.items[0]) return result;
      return { kind: 'data', data: { type: 'array', items: [...result.data.items, result.data.items[0]] } };
    },
  },
};
