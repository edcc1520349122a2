import type { Fault } from './types';

/** Grants what it offers, whatever the client proposed. */
export const conformanceNotIntersected: Fault = {
  name: 'conformance-not-intersected',
  description: 'The negotiated conformance block is the server offer, not the intersection of the proposal and the offer.',
  clause: 'Green Book 9.4.6.1 (negotiated conformance)',
  hooks: { negotiateConformance: (_proposed, offered) => offered },
};
