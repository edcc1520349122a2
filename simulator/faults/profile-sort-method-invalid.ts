import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const profileSortMethodInvalid: Fault = {
  name: 'profile-sort-method-invalid',
  description: 'Profile generic sort_method (class 7 attribute 5) reads 7, a method the Blue Book does not define.',
  clause: 'Blue Book 4.3.6 (Profile generic sort_method: 1..6)',
  hooks: alterAttribute(7, 5, () => ({ type: 'enum', value: 7 })),
};
