import type { Data } from '../../dlms/axdr/data';
import type { Fault } from './types';

/** Profile generic buffer rows one element short of the capture objects. */
export const profileRowLengthMismatch: Fault = {
  name: 'profile-row-length-mismatch',
  description: 'Every Profile generic buffer row (class 7 attribute 2) lacks its last element, so rows no longer match capture_objects.',
  clause: 'Blue Book 4.3.6 (Profile generic buffer: one element per capture object)',
  hooks: {
    onGet: (address, result) => {
      if (address.classId !== 7 || address.attribute !== 2 || result.kind !== 'data' || result.data.type !== 'array') return result;
      const rows = result.data.items.map((r): Data => (r.type === 'structure' ? { type: 'structure', items: r.items.slice(0, -1) } : r));
      return { kind: 'data', data: { type: 'array', items: rows } };
    },
  },
};
