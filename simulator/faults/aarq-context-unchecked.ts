import type { Fault } from './types';

/** Serves an association whatever application context the AARQ names. */
export const aarqContextUnchecked: Fault = {
  name: 'aarq-context-unchecked',
  description: 'An AARQ naming an application context the association does not serve (unknown, other referencing, ciphered) is accepted.',
  clause: 'Green Book 9.3.2 and 9.4.2.2 (application context names)',
  hooks: { checkAarq: (check, _aarq, passes) => (check === 'application-context' ? true : passes) },
};
