import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const arrayManagerDuplicateId: Fault = {
  name: 'array-manager-duplicate-id',
  description: 'Array manager array_components (class 123 attribute 2) lists its first component twice, id and all.',
  clause: 'Blue Book 4.4.11 (Array manager: each array component has its own id)',
  hooks: alterAttribute(123, 2, (v) => (v.type === 'array' && v.items[0] ? { ...v, items: [v.items[0], ...v.items] } : undefined)),
};
