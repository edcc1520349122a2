import type { Fault } from './types';

/** Discards a frame too short to hold an FCS, and the valid frame that follows it too. */
export const hdlcSwallowsFrameAfterShort: Fault = {
  name: 'hdlc-swallows-frame-after-short',
  description: 'After a frame too short to hold an FCS (7E A0 05 03 21 53 7E), the next frame, a valid RR, is discarded as well: no answer.',
  clause: 'Green Book 8.4.3.1 (frame format); DLMS UA 1001-3 HDLC_FRAME_N2 (the next valid frame is served); real-meter.md section 1',
  hooks: { hdlc: { swallowAfterShortFrame: true } },
};
