import type { Fault } from './types';

/** Answers success to a SET of a wrongly typed value (and keeps the old value). */
export const wrongTypeWriteAccepted: Fault = {
  name: 'wrong-type-write-accepted',
  description: 'A SET whose value has the wrong type for the attribute is answered with success instead of type-unmatched (the value is not stored).',
  clause: 'Green Book 9.3.7 SET and 9.5 Data-Access-Result (type-unmatched)',
  hooks: {
    transformResponse: (_request, response) =>
      response.type === 'set-response' && response.variant === 'normal' && response.result === 'type-unmatched' ? { ...response, result: 'success' } : response,
  },
};
