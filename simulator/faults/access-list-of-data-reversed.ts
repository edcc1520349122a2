import type { Fault } from './types';

/** Answers an ACCESS request with its list-of-data in reverse order: each item gets another item's data. */
export const accessListOfDataReversed: Fault = {
  name: 'access-list-of-data-reversed',
  description: 'An access-response carries its list-of-data in reverse order, so the data of each item is answered in the place of another.',
  clause: 'Green Book 9.3.x (ACCESS: list-of-data answers the request items one by one, in order)',
  hooks: {
    transformResponse: (_request, response) =>
      response.type === 'access-response' && response.listOfData.length > 1 ? { ...response, listOfData: [...response.listOfData].reverse() } : response,
  },
};
