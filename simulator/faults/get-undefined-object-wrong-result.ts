import type { Fault } from './types';

/** Answers a GET of an object or attribute that does not exist with the wrong data-access-result. */
export const getUndefinedObjectWrongResult: Fault = {
  name: 'get-undefined-object-wrong-result',
  description: 'A GET of an object (or attribute index) the association does not have is answered with data-access-result other-reason instead of object-undefined.',
  clause: 'Green Book 9.3.6 GET and 9.5 Data-Access-Result (object-undefined)',
  hooks: {
    onGet: (_address, result) => (result.kind === 'error' && result.result === 'object-undefined' ? { kind: 'error', result: 'other-reason' } : result),
  },
};
