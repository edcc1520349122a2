import { acknowledges } from '../../dlms/hdlc/link-common';
import type { Fault } from './types';

/** An N(R) that acknowledges frames never sent is taken as a correct acknowledgement, and the frame served. */
export const hdlcIgnoresInvalidNr: Fault = {
  name: 'hdlc-ignores-invalid-nr',
  description: 'An N(R) that acknowledges frames never sent is taken as a correct acknowledgement, and the frame served.',
  clause: 'Green Book 8.4.3.4 (N(R)); ISO/IEC 13239 5.5.3.4.4 (FRMR, Z); DLMS UA 1001-3 HDLC_INFO_N2',
  hooks: {
    hdlc: {
      onReceive: (frame, link) =>
        (frame.type === 'I' || frame.type === 'RR' || frame.type === 'RNR') && link.mode === 'NRM' && acknowledges(link, frame.nr) === undefined
          ? { ...frame, nr: link.vs }
          : frame,
    },
  },
};
