import { bytesEqual } from '../../dlms/bytes';
import type { Fault } from './types';

/** Blue Book 4.4.3: the current association, 0-0:40.0.0.255. */
const CURRENT_ASSOCIATION = Uint8Array.of(0, 0, 40, 0, 0, 255);

/** Leaves the association object out of its own object list. */
export const objectListMissingSelf: Fault = {
  name: 'object-list-missing-self',
  description: 'The object list lacks the current association object 0-0:40.0.0.255.',
  clause: 'Blue Book 4.4.3 (the object list contains the Association LN object itself)',
  hooks: {
    transformObjectList: (entries) => entries.filter((e) => !bytesEqual(e.logicalName, CURRENT_ASSOCIATION)),
  },
};
