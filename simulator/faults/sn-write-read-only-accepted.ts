import type { Fault } from './types';

/** Says success to a WRITE the association may not do. */
export const snWriteReadOnlyAccepted: Fault = {
  name: 'sn-write-read-only-accepted',
  description: 'A WriteRequest to an attribute the association may not write is answered success instead of data-access-error read-write-denied.',
  clause: 'Green Book 9.3 (WriteResponse), Blue Book 4.4.2 (access rights)',
  hooks: {
    transformResponse: (_request, response) =>
      response.type === 'write-response'
        ? { ...response, results: response.results.map((r) => (r.kind === 'data-access-error' && r.error === 'read-write-denied' ? { kind: 'success' } : r)) }
        : response,
  },
};
