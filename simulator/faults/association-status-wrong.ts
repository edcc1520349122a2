import type { Fault } from './types';

/** Blue Book 4.4.3 association_status: 1 = association-pending. */
const PENDING = 1;

export const associationStatusWrong: Fault = {
  name: 'association-status-wrong',
  description: 'Association LN association_status (class 15 attribute 8) reads association-pending (1) within an established association.',
  clause: 'Blue Book 4.4.3 (Association LN association_status)',
  hooks: {
    onGet: (address, result) =>
      address.classId === 15 && address.attribute === 8 && result.kind === 'data' ? { kind: 'data', data: { type: 'enum', value: PENDING } } : result,
  },
};
