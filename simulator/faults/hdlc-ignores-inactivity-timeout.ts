import type { Fault } from './types';

/** The link stays in NRM however long the client is silent, past the inactivity_time_out the IEC HDLC setup reports. */
export const hdlcIgnoresInactivityTimeout: Fault = {
  name: 'hdlc-ignores-inactivity-timeout',
  description: 'The link stays in NRM however long the client is silent, past the inactivity_time_out the IEC HDLC setup reports.',
  clause: 'Blue Book 4.7.2 (inactivity_time_out), Green Book 8.4.4; DLMS UA 1001-3 HDLC_FRAME_P3',
  hooks: {
    hdlc: { noInactivityTimeout: true },
  },
};
