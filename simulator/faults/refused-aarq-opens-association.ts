import type { Fault } from './types';

/** Answers the AARQ with the refusal it deserves, and opens the association all the same. */
export const refusedAarqOpensAssociation: Fault = {
  name: 'refused-aarq-opens-association',
  description:
    'An AARQ refused for its authentication (wrong LLS password: AARE rejected-permanent, authentication-failure) still opens the association: the next GET, SET or ACTION on the link is served.',
  clause: 'Green Book 9.3.2 (a rejected AARE establishes no association) and 9.5; real-meter.md section 4',
  hooks: { openOnRefusal: true },
};
