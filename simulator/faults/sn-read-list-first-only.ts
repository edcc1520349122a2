import type { Fault } from './types';

/** Answers only the first variable of a multi-variable READ. */
export const snReadListFirstOnly: Fault = {
  name: 'sn-read-list-first-only',
  description: 'A ReadRequest of several variables is answered with the result of the first one only.',
  clause: 'Green Book 9.3 (ReadResponse: one result per variable, in order)',
  hooks: {
    transformResponse: (request, response) =>
      request.type === 'read-request' && response.type === 'read-response' && response.results.length > 1
        ? { ...response, results: response.results.slice(0, 1) }
        : response,
  },
};
