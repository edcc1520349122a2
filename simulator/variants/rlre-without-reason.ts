import { rewrite } from './apdu';
import type { Variant } from './types';

/** The RLRE reason is optional: this meter leaves it out. */
export const rlreWithoutReason: Variant = {
  name: 'rlre-without-reason',
  description: 'The RLRE that releases an association carries no reason field (63 00), in associations without ciphering.',
  clause: 'Green Book 9.3.3; ISO/IEC 8650-1 (RLRE reason is optional)',
  hooks: {
    onApduOut: (_request, response) =>
      rewrite(response, (p) => (p.type === 'rlre' && p.userInformation === undefined && p.reason !== undefined ? { type: 'rlre' } : undefined)),
  },
  affects: ['association/*', 'services/*'],
};
