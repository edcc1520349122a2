import type { Fault } from './types';

/** Runs methods the association has no access to: the refusal becomes success. */
export const methodWithoutAccessExecuted: Fault = {
  name: 'method-without-access-executed',
  description:
    'An ACTION on a method the object list grants no access (over SN: a READ or WRITE of its short name) is answered with success instead of read-write-denied.',
  clause: 'Blue Book 4.4.3 (method_access) and Green Book 9.3.8 ACTION (action-result read-write-denied)',
  hooks: {
    onSnMethod: (result) => (result === 'read-write-denied' ? 'success' : result),
    transformResponse: (_request, response) =>
      response.type === 'action-response' && response.variant === 'normal' && response.singleResponse.result === 'read-write-denied'
        ? { ...response, singleResponse: { result: 'success' } }
        : response,
  },
};
