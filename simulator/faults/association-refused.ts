import type { Fault } from './types';

/** Refuses every association, whatever the AARQ says. */
export const associationRefused: Fault = {
  name: 'association-refused',
  description: 'Every AARQ is answered with an AARE rejected-permanent, diagnostic no-reason-given, even a valid one.',
  clause: 'Green Book 9.3.2 (application association establishment)',
  hooks: {
    onAarq: () => ({ kind: 'reject', result: 'rejected-permanent', diagnostic: 'no-reason-given' }),
  },
};
