import type { Fault } from './types';

/** The object list grants write access to Data values, but every SET of one is refused. */
export const writeAccessNotApplied: Fault = {
  name: 'write-access-not-applied',
  description: 'A SET of a Data object value (class 1 attribute 2) that the object list grants write access to is refused with read-write-denied.',
  clause: 'Blue Book 4.4.3 (object_list access_rights are the rights the server applies) and Green Book 9.3.7 SET',
  hooks: {
    transformResponse: (request, response) =>
      request.type === 'set-request' &&
      request.variant === 'normal' &&
      request.attribute.classId === 1 &&
      request.attribute.attributeId === 2 &&
      response.type === 'set-response' &&
      response.variant === 'normal' &&
      response.result === 'success'
        ? { ...response, result: 'read-write-denied' }
        : response,
  },
};
