import type { Fault } from './types';

/** Says a SET succeeded and forgets the value. */
export const setNotStored: Fault = {
  name: 'set-not-stored',
  description: 'A SET that the object accepts is answered with success but the old value stays: a GET afterwards returns the value from before.',
  clause: 'Green Book 9.3.7 SET (success means the attribute now holds the value)',
  hooks: {
    keepWrite: () => false,
  },
};
