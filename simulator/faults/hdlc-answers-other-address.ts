import type { Fault } from './types';

/** Frames for any server upper address are taken as the server's own, and answered. */
export const hdlcAnswersOtherAddress: Fault = {
  name: 'hdlc-answers-other-address',
  description: "Frames for any server upper address are taken as the server's own, and answered.",
  clause: 'Green Book 8.4.2.2 and 8.4.2.3 (addressing); DLMS UA 1001-3 HDLC_ADDRESS_N4',
  hooks: {
    hdlc: { acceptAnyDestination: true },
  },
};
