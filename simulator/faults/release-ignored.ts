import type { Fault } from './types';

/** Swallows the release request: the client waits for an RLRE that never comes. */
export const releaseIgnored: Fault = {
  name: 'release-ignored',
  description: 'An RLRQ is not answered: no RLRE is sent.',
  clause: 'Green Book 9.3.3 (application association release)',
  hooks: {
    onRlrq: () => false,
  },
};
