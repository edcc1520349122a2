import type { Fault } from './types';

/** Processes corrupted frames instead of discarding them. */
export const hdlcAcceptsBadFcs: Fault = {
  name: 'hdlc-accepts-bad-fcs',
  description: 'An HDLC frame with a wrong FCS (or HCS) is processed as if it were intact, instead of being discarded.',
  clause: 'Green Book 8.4.3 (HDLC frame format, frame check sequence); DLMS UA 1001-3 HDLC_FRAME_N8',
  hooks: {
    acceptBadFcs: true,
  },
};
