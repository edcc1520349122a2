import type { Fault } from './types';

/** Lists the logical device under a SAP it is not addressed at. */
export const sapAssignmentMissingDevice: Fault = {
  name: 'sap-assignment-missing-device',
  description: 'SAP_assignment_list (class 17 attribute 2) names the logical device with SAP + 1, so the addressed logical device is not listed.',
  clause: 'Blue Book 4.4.9 (SAP assignment), Green Book 4.1.8 (every logical device is listed)',
  hooks: {
    onGet: (address, result) => {
      if (address.classId !== 17 || address.attribute !== 2 || result.kind !== 'data' || result.data.type !== 'array') return result;
      const items = result.data.items.map((el) =>
        el.type === 'structure' && el.items[0]?.type === 'long-unsigned'
          ? { ...el, items: [{ type: 'long-unsigned' as const, value: el.items[0].value + 1 }, ...el.items.slice(1)] }
          : el,
      );
      return { kind: 'data', data: { type: 'array', items } };
    },
  },
};
