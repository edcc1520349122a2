import { formatObis } from '../../dlms/cosem/obis';
import type { Fault } from './types';

/** The device ID object: the object list grants read access to its value, the GET refuses it. */
const DEVICE_ID = '0-0:96.1.0.255';

export const accessRightsWrong: Fault = {
  name: 'access-rights-wrong',
  description: 'The object list grants read access to 0-0:96.1.0.255 value (class 1 attribute 2), but a GET of it is refused with read-write-denied.',
  clause: 'Blue Book 4.4.3 (object_list access_rights are the rights the server applies)',
  hooks: {
    onGet: (address, result) =>
      address.classId === 1 && address.attribute === 2 && formatObis(address.logicalName) === DEVICE_ID
        ? { kind: 'error', result: 'read-write-denied' }
        : result,
  },
};
