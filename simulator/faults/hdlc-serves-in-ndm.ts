import type { Fault } from './types';

/** real-meter.md section 1: after DISC/UA, a GET in an I frame was answered in an I frame, an AARQ without SNRM accepted. */
export const hdlcServesInNdm: Fault = {
  name: 'hdlc-serves-in-ndm',
  description: 'In NDM (before SNRM, after DISC) the server serves I frames, an AARQ among them, and answers RR with RR, instead of answering DM.',
  clause: 'Green Book 8.4.4 (NDM: information is exchanged only in NRM; a polled command other than SNRM is answered with DM); DLMS UA 1001-3 HDLC_NDMOP_N1',
  hooks: { hdlc: { serveInNdm: true } },
};
