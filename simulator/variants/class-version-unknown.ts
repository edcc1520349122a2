import type { Variant } from './types';

/** G3-PLC 6LoWPAN adaptation layer setup (Blue Book 4.13.4): the catalogue holds versions 1..3. */
const G3_ADAPTATION_LAYER = 92;
const EARLIER_VERSION = 0;

/**
 * A meter built to an earlier Blue Book: its G3-PLC 6LoWPAN adaptation layer setup is version 0,
 * which the harness's catalogue does not hold. Nothing is wrong with the meter; the harness cannot
 * judge the object's types and says so (a remark "not checked: class 92 v0 unknown"). Only the
 * meter with every class (simulator/meters/full.yaml) has such an object.
 */
export const classVersionUnknown: Variant = {
  name: 'class-version-unknown',
  description: 'The object list gives the G3-PLC 6LoWPAN adaptation layer setup (class 92) version 0, a version the catalogue does not hold.',
  clause: 'Blue Book 4.4.3 (object_list_element: the version the object implements) and 4.13.4 (earlier versions of class 92)',
  hooks: {
    transformObjectList: (entries) => entries.map((e) => (e.classId === G3_ADAPTATION_LAYER ? { ...e, version: EARLIER_VERSION } : e)),
  },
  affects: ['classes/*'],
};
