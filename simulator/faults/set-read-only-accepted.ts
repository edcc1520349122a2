import type { Fault } from './types';

/** Answers success to a SET the association has no right to make. */
export const setReadOnlyAccepted: Fault = {
  name: 'set-read-only-accepted',
  description: 'A SET refused for lack of write access is answered with data-access-result success instead of read-write-denied (the value is not written).',
  clause: 'Green Book 9.3.7 SET and Blue Book 4.4.3 access rights (read-write-denied)',
  hooks: {
    transformResponse: (_request, response) =>
      response.type === 'set-response' && response.variant === 'normal' && response.result === 'read-write-denied'
        ? { ...response, result: 'success' }
        : response,
  },
};
