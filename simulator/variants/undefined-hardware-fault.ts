import type { Variant } from './types';

/** Any refusal of an undefined attribute refuses it; hardware-fault is allowed, not preferred. */
export const undefinedHardwareFault: Variant = {
  name: 'undefined-hardware-fault',
  description:
    'A GET of an attribute index the class does not define (or an object the association lacks) is refused with hardware-fault instead of object-undefined.',
  clause: 'Green Book 9.5 Data-Access-Result; DLMS UA 1001-6 APPL_DATA_LN_N1 (a refusal; hardware-fault earns a remark)',
  reading: 'docs/decisions/undefined-object-refusal.md',
  seen: 'real-meter.md section 2: GET of an undefined attribute index, C4 01 C2 01 01',
  hooks: { onGet: (_address, r) => (r.kind === 'error' && r.result === 'object-undefined' ? { kind: 'error', result: 'hardware-fault' } : r) },
  affects: ['services/*', 'classes/*', 'association/*'],
};
