import type { Variant } from './types';

/** object-undefined is not the only refusal: read-write-denied for what the association cannot see. */
export const undefinedReadWriteDenied: Variant = {
  name: 'undefined-read-write-denied',
  description:
    'A GET of an object not in the association object list (or an attribute index its class does not define) is refused with read-write-denied instead of object-undefined.',
  clause: 'Green Book 9.5 Data-Access-Result; DLMS UA 1001-6 APPL_DATA_LN_N1 (any refusal)',
  reading: 'docs/decisions/undefined-object-refusal.md',
  seen: 'real-meter.md section 2: GET of an object not in the object list, C4 01 C2 01 03',
  hooks: { onGet: (_address, r) => (r.kind === 'error' && r.result === 'object-undefined' ? { kind: 'error', result: 'read-write-denied' } : r) },
  affects: ['services/*', 'classes/*', 'association/*'],
};
