import type { Variant } from './types';

/** The client proposes the largest values; the meter keeps its own smaller ones (128 bytes, window 1). */
export const hdlcOffersLess: Variant = {
  name: 'hdlc-offers-less',
  description:
    'The profile proposes 2030-byte information fields and a window of 7; the server answers its own 128 and 1 in the UA and the client must work with those.',
  clause: 'Green Book 8.4.5.3.2 (the UA states values at most the proposal; the smaller is used)',
  profile: { hdlc: { maxInfo: 2030, window: 7 } },
  affects: ['hdlc/*', 'services/block-transfer'],
};
