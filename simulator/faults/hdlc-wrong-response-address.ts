import { serverAddress } from '../../dlms/hdlc/address';
import type { Fault } from './types';

/** A lower address for the one-byte case: any value makes the form differ. */
const SOME_PHYSICAL = 0x11;

/** Responses leave from another form of the server address than the one the client used (one byte for two, two for one). */
export const hdlcWrongResponseAddress: Fault = {
  name: 'hdlc-wrong-response-address',
  description: 'Responses leave from another form of the server address than the one the client used (one byte for two, two for one).',
  clause: 'Green Book 8.4.2.2 (a response carries the addresses of the command, swapped); DLMS UA 1001-3 HDLC_ADDRESS_P1',
  hooks: {
    hdlc: {
      onTransmit: (frame) => ({
        ...frame,
        source: frame.source.size === 1 ? serverAddress(frame.source.upper, SOME_PHYSICAL) : serverAddress(frame.source.upper),
      }),
    },
  },
};
