import type { Fault } from './types';

/** Reports success for a method the object does not have. */
export const actionUndefinedMethodSuccess: Fault = {
  name: 'action-undefined-method-success',
  description:
    'An ACTION on a method index the class does not define (over SN: a READ or WRITE of the short name past the last method) is answered with success instead of object-undefined.',
  clause: 'Green Book 9.3.8 ACTION and 9.5 Action-Result (object-undefined)',
  hooks: {
    onSnMethod: (result) => (result === 'object-undefined' ? 'success' : result),
    transformResponse: (_request, response) =>
      response.type === 'action-response' && response.variant === 'normal' && response.singleResponse.result === 'object-undefined'
        ? { ...response, singleResponse: { result: 'success' } }
        : response,
  },
};
