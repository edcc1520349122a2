import type { Fault } from './types';

/** Reports success for a method the object does not have. */
export const actionUndefinedMethodSuccess: Fault = {
  name: 'action-undefined-method-success',
  description: 'An ACTION on a method index the class does not define is answered with action-result success instead of object-undefined.',
  clause: 'Green Book 9.3.8 ACTION and 9.5 Action-Result (object-undefined)',
  hooks: {
    transformResponse: (_request, response) =>
      response.type === 'action-response' && response.variant === 'normal' && response.singleResponse.result === 'object-undefined'
        ? { ...response, singleResponse: { result: 'success' } }
        : response,
  },
};
