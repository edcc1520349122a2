import type { Variant } from './types';

/** A meter addressed by logical and physical address, which does not answer the one-byte form. */
export const hdlcTwoByteAddress: Variant = {
  name: 'hdlc-two-byte-address',
  description: 'The server takes only its two-byte address (upper logical 1, lower physical 16); the one-byte form goes unanswered like any other address.',
  clause: 'Green Book 8.4.2.2 (server address: one, two or four bytes; the meter decides which it supports)',
  hooks: { hdlc: { noOneByteAddress: true } },
  profile: { hdlc: { addressSize: 2, serverPhysical: 16 } },
  affects: ['hdlc/*'],
};
