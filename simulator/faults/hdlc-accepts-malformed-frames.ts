import type { Fault } from './types';

/** Frames with a wrong format type, a wrong length field or no check sequence are acted on (the framer cuts at flags, the decoder reads addresses and control only). */
export const hdlcAcceptsMalformedFrames: Fault = {
  name: 'hdlc-accepts-malformed-frames',
  description:
    'Frames with a wrong format type, a wrong length field or no check sequence are acted on (the framer cuts at flags, the decoder reads addresses and control only).',
  clause: 'Green Book 8.4.3.1 and 8.4.3.2 (frame format); DLMS UA 1001-3 HDLC_FRAME_N2, N3, N4',
  hooks: {
    hdlc: { lenientFormat: true },
  },
};
