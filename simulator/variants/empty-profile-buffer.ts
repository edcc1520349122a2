import { bytesEqual } from '../../dlms/bytes';
import type { Variant } from './types';

/** The load profile of the default meter (simulator/meters/default.yaml). */
const LOAD_PROFILE = Uint8Array.of(1, 0, 99, 1, 0, 255);
const PROFILE_GENERIC = 7;
const BUFFER = 2;
const ENTRIES_IN_USE = 7;

export const emptyProfileBuffer: Variant = {
  name: 'empty-profile-buffer',
  description:
    'A freshly installed meter: the load profile has captured nothing yet; its buffer is an empty array (whole or selected) and entries_in_use is 0.',
  clause: 'Blue Book 4.3.6 (Profile generic: buffer holds entries_in_use entries, 0 included)',
  hooks: {
    onGet: (address, r) => {
      if (address.classId !== PROFILE_GENERIC || !bytesEqual(address.logicalName, LOAD_PROFILE) || r.kind !== 'data') return r;
      if (address.attribute === BUFFER) return { kind: 'data', data: { type: 'array', items: [] } };
      if (address.attribute === ENTRIES_IN_USE) return { kind: 'data', data: { type: 'double-long-unsigned', value: 0 } };
      return r;
    },
  },
  // The load profile buffer is read by the class suites (every readable attribute) and selective access.
  // Not classes/methods: PROFILE-CAPTURE adds a row, and this variant freezes the buffer empty, which a
  // meter that has just captured would not be (the variant stands for a meter that has captured nothing).
  affects: ['classes/profile-generic', 'classes/object-walk', 'classes/class-rules', 'classes/access-rights', 'selective-access/*'],
  inconclusive: {
    cases: ['SA-RANGE*', 'SA-ENTRY*'],
    why: 'a range or entry selection needs rows to select from; on an empty buffer the case says so (inconclusive), it does not pass or fail the meter',
  },
};
