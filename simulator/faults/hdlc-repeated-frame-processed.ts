import type { Fault } from './types';

/** A repeated I frame (the N(S) already taken) is served again as a new request. */
export const hdlcRepeatedFrameProcessed: Fault = {
  name: 'hdlc-repeated-frame-processed',
  description: 'A repeated I frame (the N(S) already taken) is served again as a new request.',
  clause: 'Green Book 8.4.4 (retransmission: a repeated N(S) is not taken twice)',
  hooks: {
    hdlc: { onReceive: (frame, link) => (frame.type === 'I' && link.mode === 'NRM' && frame.ns === (link.vr + 7) % 8 ? { ...frame, ns: link.vr } : frame) },
  },
};
