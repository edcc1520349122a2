import type { Fault } from './types';

/** The N(S) of the server's I frames counts in steps of three instead of one. */
export const hdlcBadSendSequence: Fault = {
  name: 'hdlc-bad-send-sequence',
  description: "The N(S) of the server's I frames counts in steps of three instead of one.",
  clause: 'Green Book 8.4.3.4 (N(S) is V(S), incremented by one per I frame); DLMS UA 1001-3 HDLC_INFO_P1, HDLC_NDM2NRM_P1',
  hooks: {
    hdlc: { onTransmit: (frame) => (frame.type === 'I' ? { ...frame, ns: (frame.ns * 3) % 8 } : frame) },
  },
};
