import type { Fault } from './types';

/** Register entries of the object list lose their last attribute. */
export const objectListAttributeMissing: Fault = {
  name: 'object-list-attribute-missing',
  description:
    'The object list gives every Register (class 3) one attribute fewer than the class version defines: scaler_unit is missing from its access rights.',
  clause: 'Blue Book 4.4.3 (object_list_element access_rights list every attribute of the class)',
  hooks: {
    transformObjectList: (entries) => entries.map((e) => (e.classId === 3 ? { ...e, attributeAccess: e.attributeAccess.slice(0, -1) } : e)),
  },
};
