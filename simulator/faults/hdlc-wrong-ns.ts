import type { Fault } from './types';

/** N(S) is not checked: an I frame out of sequence is served as the next one. */
export const hdlcWrongNs: Fault = {
  name: 'hdlc-wrong-ns',
  description: 'N(S) is not checked: an I frame out of sequence is served as the next one.',
  clause: 'Green Book 8.4.3.4 (N(S) and V(R)); DLMS UA 1001-3 HDLC_INFO_N3',
  hooks: {
    hdlc: {
      onReceive: (frame, link) =>
        frame.type === 'I' && link.mode === 'NRM' && frame.ns !== link.vr && frame.ns !== (link.vr + 7) % 8 ? { ...frame, ns: link.vr } : frame,
    },
  },
};
