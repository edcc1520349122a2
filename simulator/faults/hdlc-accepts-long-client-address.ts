import { clientAddress } from '../../dlms/hdlc/address';
import type { Fault } from './types';

/** A frame from a two-byte client address is served, as if from the one-byte address of its upper part. */
export const hdlcAcceptsLongClientAddress: Fault = {
  name: 'hdlc-accepts-long-client-address',
  description: 'A frame from a two-byte client address is served, as if from the one-byte address of its upper part.',
  clause: 'Green Book 8.4.2.2 (the client address is one byte); DLMS UA 1001-3 HDLC_ADDRESS_N1',
  hooks: {
    hdlc: { onReceive: (frame) => (frame.source.size === 1 ? frame : { ...frame, source: clientAddress(frame.source.upper) }) },
  },
};
