import type { Variant } from './types';

/** Silence where our meter sends FRMR: an information field too long, an N(R) acknowledging frames never sent. */
export const hdlcDiscardsInvalidFrames: Variant = {
  name: 'hdlc-discards-invalid-frames',
  description:
    'An I frame with an information field longer than agreed, or an I or RR frame with an invalid N(R), is discarded without FRMR; the next poll is answered with RR.',
  clause: 'Green Book 8.4.4; ISO/IEC 13239 5.5.3.4.4; DLMS UA 1001-3 HDLC_INFO_N1, N2 (FRMR or discard)',
  reading: 'docs/decisions/hdlc-frmr-or-discard.md',
  hooks: { hdlc: { discardInsteadOfFrmr: true } },
  affects: ['hdlc/*'],
};
