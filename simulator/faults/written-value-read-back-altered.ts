import type { Fault } from './types';
import { formatObis } from '../../dlms/cosem/obis';

/** The writable setting 0-0:96.50.0.255 of the default meter (a long-unsigned). */
const SETTING = '0-0:96.50.0.255';

/**
 * The first GET of the writable setting after a successful SET of it answers the value plus one:
 * a meter whose write path corrupts what it stores. Stateful on purpose (a SET was answered
 * success, the next read is altered); the state is this fault's, shared by every simulator that
 * runs it in one process, which only a SET of that object followed by a GET can observe.
 */
let alterNextRead = false;

export const writtenValueReadBackAltered: Fault = {
  name: 'written-value-read-back-altered',
  description:
    'The first GET of the writable setting 0-0:96.50.0.255 (class 1 attribute 2) after a SET answers the written value plus one, so a value written back does not read back as written.',
  clause: 'Green Book 9.3.7 SET (success means the attribute now holds the value) and 9.3.6 GET',
  hooks: {
    transformResponse: (request, response) => {
      if (
        request.type === 'set-request' &&
        request.variant === 'normal' &&
        request.attribute.classId === 1 &&
        request.attribute.attributeId === 2 &&
        formatObis(request.attribute.instanceId) === SETTING &&
        response.type === 'set-response' &&
        response.variant === 'normal' &&
        response.result === 'success'
      ) {
        alterNextRead = true;
      }
      return response;
    },
    onGet: (address, result) => {
      if (
        !alterNextRead ||
        address.classId !== 1 ||
        address.attribute !== 2 ||
        formatObis(address.logicalName) !== SETTING ||
        result.kind !== 'data' ||
        result.data.type !== 'long-unsigned'
      )
        return result;
      alterNextRead = false;
      return { kind: 'data', data: { type: 'long-unsigned', value: (result.data.value + 1) & 0xffff } };
    },
  },
};
