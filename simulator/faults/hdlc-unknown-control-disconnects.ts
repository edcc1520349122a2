import type { Fault } from './types';

/** An undefined control field is taken as DISC: the link drops and UA is sent. */
export const hdlcUnknownControlDisconnects: Fault = {
  name: 'hdlc-unknown-control-disconnects',
  description: 'An undefined control field is taken as DISC: the link drops and UA is sent.',
  clause: 'Green Book 8.4.3.4 (control field); ISO/IEC 13239 5.5.3.4.4; DLMS UA 1001-3 HDLC_FRAME_N5',
  hooks: {
    hdlc: { unknownControlAs: 'DISC' },
  },
};
