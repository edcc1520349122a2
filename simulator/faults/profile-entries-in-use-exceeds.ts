import type { Fault } from './types';

/** More entries in use than the profile can hold. */
export const profileEntriesInUseExceeds: Fault = {
  name: 'profile-entries-in-use-exceeds',
  description: 'Profile generic entries_in_use (class 7 attribute 7) reads one more than profile_entries.',
  clause: 'Blue Book 4.3.6 (Profile generic entries_in_use <= profile_entries)',
  hooks: {
    onGet: (address, result) =>
      address.classId === 7 && address.attribute === 7 && result.kind === 'data' && result.data.type === 'double-long-unsigned'
        ? { kind: 'data', data: { type: 'double-long-unsigned', value: result.data.value + 1 } }
        : result,
  },
};
