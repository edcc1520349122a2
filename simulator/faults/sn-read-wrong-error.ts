import type { Fault } from './types';

/** Answers a READ of an undefined variable with the wrong data-access-error. */
export const snReadWrongError: Fault = {
  name: 'sn-read-wrong-error',
  description: 'A ReadRequest naming a variable no object has is answered with data-access-error hardware-fault instead of object-undefined.',
  clause: 'Green Book 9.3 (ReadResponse data-access-error), 9.5 (Data-Access-Result)',
  hooks: {
    transformResponse: (_request, response) =>
      response.type === 'read-response'
        ? {
            ...response,
            results: response.results.map((r) =>
              r.kind === 'data-access-error' && r.error === 'object-undefined' ? { kind: 'data-access-error', error: 'hardware-fault' } : r,
            ),
          }
        : response,
  },
};
