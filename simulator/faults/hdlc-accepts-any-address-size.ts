import type { Fault } from './types';

/** The server address is answered in a size the server does not use (four bytes where it uses one or two). */
export const hdlcAcceptsAnyAddressSize: Fault = {
  name: 'hdlc-accepts-any-address-size',
  description: 'The server address is answered in a size the server does not use (four bytes where it uses one or two).',
  clause: 'Green Book 8.4.2.2 (address field length); DLMS UA 1001-3 HDLC_ADDRESS_N6',
  hooks: {
    hdlc: { acceptAnyAddressSize: true },
  },
};
