import type { Fault } from './types';

/** Serves any DLMS version a client proposes. */
export const dlmsVersionUnchecked: Fault = {
  name: 'dlms-version-unchecked',
  description: 'An InitiateRequest proposing a DLMS version below 6 is accepted (negotiated 6) instead of refused with initiate dlms-version-too-low.',
  clause: 'Green Book 9.4.6 (proposed-dlms-version-number)',
  hooks: { checkAarq: (check, _aarq, passes) => (check === 'dlms-version' ? true : passes) },
};
