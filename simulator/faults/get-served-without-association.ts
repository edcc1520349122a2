import type { Fault } from './types';

/** Serves data to a client that never associated, as if it were in the public association. */
export const getServedWithoutAssociation: Fault = {
  name: 'get-served-without-association',
  description: 'A GET before any AARQ is answered with data (as in the first association without authentication) instead of an exception-response.',
  clause: 'Green Book 9.3.2 (services need an established association) and 9.5 exception-response',
  hooks: {
    serveWithoutAssociation: true,
  },
};
