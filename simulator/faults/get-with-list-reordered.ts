import type { Fault } from './types';

/** Answers a GET with-list in reverse order. */
export const getWithListReordered: Fault = {
  name: 'get-with-list-reordered',
  description: 'A GET with-list is answered with the results in reverse order, so they no longer match the attributes asked one by one.',
  clause: 'Green Book 9.3.6 (get-response-with-list: one result per attribute, in the order of the request)',
  hooks: {
    transformResponse: (_request, response) =>
      response.type === 'get-response' && response.variant === 'with-list' ? { ...response, result: [...response.result].reverse() } : response,
  },
};
