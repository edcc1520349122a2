import type { Fault } from './types';

/** An unfinished frame is never dropped: after a pause longer than the inter-octet timeout, the next bytes complete it. */
export const hdlcIgnoresInterFrameTimeout: Fault = {
  name: 'hdlc-ignores-inter-frame-timeout',
  description: 'An unfinished frame is never dropped: after a pause longer than the inter-octet timeout, the next bytes complete it.',
  clause: 'Green Book 8.4.3.1 and Blue Book 4.7.2 (inter_octet_time_out); DLMS UA 1001-3 HDLC_FRAME_P2, HDLC_FRAME_N1',
  hooks: {
    hdlc: { noInterFrameTimeout: true },
  },
};
