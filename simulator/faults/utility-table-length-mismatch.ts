import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const utilityTableLengthMismatch: Fault = {
  name: 'utility-table-length-mismatch',
  description: 'Utility tables length (class 26 attribute 3) reads one more than the octets in buffer.',
  clause: 'Blue Book 4.3.7 (Utility tables: length is the octets in buffer)',
  hooks: alterAttribute(26, 3, (v) => (v.type === 'double-long-unsigned' ? { ...v, value: v.value + 1 } : undefined)),
};
