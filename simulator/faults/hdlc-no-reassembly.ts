import type { Fault } from './types';

/** Each segment of a segmented request is served as a whole message (the S bit is ignored). */
export const hdlcNoReassembly: Fault = {
  name: 'hdlc-no-reassembly',
  description: 'Each segment of a segmented request is served as a whole message (the S bit is ignored).',
  clause: 'Green Book 8.4.4 (segmentation, the S bit)',
  hooks: {
    hdlc: { onReceive: (frame) => (frame.type === 'I' && frame.segmented ? { ...frame, segmented: false } : frame) },
  },
};
