import type { Fault } from './types';

/** A destination address of 3 or 5 bytes is taken as the server's own address. */
export const hdlcAcceptsBadAddressLength: Fault = {
  name: 'hdlc-accepts-bad-address-length',
  description: "A destination address of 3 or 5 bytes is taken as the server's own address.",
  clause: 'Green Book 8.4.2.2 (the server address is 1, 2 or 4 bytes); DLMS UA 1001-3 HDLC_ADDRESS_N7',
  hooks: {
    hdlc: { lenientAddressLength: true },
  },
};
