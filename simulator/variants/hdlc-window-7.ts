import { withHdlc, type Variant } from './types';

/** Seven I frames per poll both ways (the largest window), as meters on fast links offer. */
export const hdlcWindow7: Variant = {
  name: 'hdlc-window-7',
  description: 'The server offers, and uses, a window of 7 I frames in both directions; the profile proposes 7.',
  clause: 'Green Book 8.4.5.3.2 (window size 1..7); ISO/IEC 13239 (windowing)',
  meter: (m) => withHdlc(m, { windowTx: 7, windowRx: 7 }),
  profile: { hdlc: { window: 7 } },
  affects: ['hdlc/*', 'services/block-transfer', 'services/get'],
};
