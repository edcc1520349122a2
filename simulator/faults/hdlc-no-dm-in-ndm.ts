import type { Fault } from './types';

/** In NDM, commands other than SNRM are not answered with DM: the server stays silent. */
export const hdlcNoDmInNdm: Fault = {
  name: 'hdlc-no-dm-in-ndm',
  description: 'In NDM, commands other than SNRM are not answered with DM: the server stays silent.',
  clause: 'Green Book 8.4.4 (NDM: a polled command other than SNRM is answered with DM); DLMS UA 1001-3 HDLC_NDMOP_N1, HDLC_FRAME_P1',
  hooks: {
    hdlc: { onTransmit: (frame) => (frame.type === 'DM' ? undefined : frame) },
  },
};
