import type { Fault } from './types';

/** Serves attributes the association may not read: the access check answers with data instead. */
export const unreadableAttributeServed: Fault = {
  name: 'unreadable-attribute-served',
  description: 'A GET of an attribute the object list grants no read access is answered with an empty octet-string instead of read-write-denied.',
  clause: 'Blue Book 4.4.3 (access rights) and Green Book 9.3.6 (GET: data-access-result read-write-denied)',
  hooks: {
    onGet: (_address, result) =>
      result.kind === 'error' && result.result === 'read-write-denied' ? { kind: 'data', data: { type: 'octet-string', value: new Uint8Array(0) } } : result,
  },
};
