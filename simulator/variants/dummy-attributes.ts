import type { Data } from '../../dlms/axdr/data';
import { alterAttribute } from '../faults/attribute-hook';
import type { FaultHooks } from '../faults/types';
import type { Variant } from './types';

const SPECIAL_DAYS_TABLE = 11;
const ENTRIES = 2;
const ACTIVITY_CALENDAR = 20;
const SEASON_PROFILE_PASSIVE = 7;

const zeros = (n: number): Data => ({ type: 'octet-string', value: new Uint8Array(n) });
/** An unused special day: index 0, date 00000000 00, day_id 0. */
const DUMMY_SPECIAL_DAY: Data = { type: 'structure', items: [{ type: 'long-unsigned', value: 0 }, zeros(5), { type: 'unsigned', value: 0 }] };
/** An unused season: name, start and week name all zero octets. */
const DUMMY_SEASON: Data = { type: 'structure', items: [zeros(1), zeros(12), zeros(1)] };

const appended =
  (...dummies: Data[]) =>
  (v: Data): Data | undefined =>
    v.type === 'array' ? { ...v, items: [...v.items, ...dummies] } : undefined;

const specialDays = alterAttribute(SPECIAL_DAYS_TABLE, ENTRIES, appended(DUMMY_SPECIAL_DAY, DUMMY_SPECIAL_DAY));
const seasons = alterAttribute(ACTIVITY_CALENDAR, SEASON_PROFILE_PASSIVE, appended(DUMMY_SEASON));

const hooks: FaultHooks = {
  onGet: (address, r) => seasons.onGet!(address, specialDays.onGet!(address, r)),
};

/**
 * A meter that fills unused table slots with all-zero structures: two unused special days and an
 * unused passive season. DLMS UA 1001-6 §7.3.10 tolerates such dummy attributes for classes 6, 7,
 * 9, 11, 20, 21 and 22; the class checks set them aside with a remark.
 */
export const dummyAttributes: Variant = {
  name: 'dummy-attributes',
  description: 'The special days table holds two all-zero entries and the passive activity calendar an all-zero season (unused slots).',
  clause: 'DLMS UA 1001-6 §7.3.10 (dummy attributes: all-zero structures tolerated for classes 6, 7, 9, 11, 20, 21, 22)',
  hooks,
  // The suites that read these attributes without writing them: the dummies are added to what is
  // read, so a write-back (classes/object-walk) or an activation (classes/methods) would meet a
  // meter that refuses its own dummies, which is not the meter this variant stands for.
  affects: ['classes/class-rules', 'classes/access-rights'],
};
