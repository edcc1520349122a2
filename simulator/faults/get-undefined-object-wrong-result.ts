import type { Fault } from './types';

/**
 * Serves what does not exist: a GET of an object (or attribute index) the association does not
 * have is answered with data (null-data) instead of a refusal. Which refusal is not pinned
 * (docs/decisions/undefined-object-refusal.md); answering data is wrong under every reading.
 */
export const getUndefinedObjectWrongResult: Fault = {
  name: 'get-undefined-object-wrong-result',
  description:
    'A GET of an object (or attribute index) the association does not have is answered with data (null-data) instead of a data-access-result refusing it.',
  clause: 'Green Book 9.3.6 GET and 9.5 Data-Access-Result (object-undefined, or another refusal)',
  hooks: {
    onGet: (_address, result) => (result.kind === 'error' && result.result === 'object-undefined' ? { kind: 'data', data: { type: 'null-data' } } : result),
  },
};
