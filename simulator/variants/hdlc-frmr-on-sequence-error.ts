import type { Variant } from './types';

/** FRMR (with no information field) where our meter discards: an I frame whose N(S) is not the expected one, a repeat included. */
export const hdlcFrmrOnSequenceError: Variant = {
  name: 'hdlc-frmr-on-sequence-error',
  description:
    'An I frame whose N(S) is not V(R), a repeated frame included, is answered with FRMR without an information field (the link then waits for SNRM or DISC).',
  clause: 'Green Book 8.4.3.4; ISO/IEC 13239 5.5.3.4.4 (FRMR); as HDLC_INFO_N3 accepts',
  reading: 'docs/decisions/hdlc-frmr-or-discard.md',
  seen: 'real-meter.md section 2: a repeated N(S) answered with FRMR, 7E A0 07 21 03 97 2B E1 7E',
  hooks: { hdlc: { rejectWrongNs: true } },
  affects: ['hdlc/*'],
};
