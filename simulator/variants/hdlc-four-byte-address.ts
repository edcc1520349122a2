import { withHdlc, type Variant } from './types';

/** Physical address 0x1234: past seven bits, so the server address takes four bytes. */
const PHYSICAL = 0x1234;

export const hdlcFourByteAddress: Variant = {
  name: 'hdlc-four-byte-address',
  description: 'The server physical address is 0x1234, so the server address is four bytes (two per half); the server takes only that form.',
  clause: 'Green Book 8.4.2.2 (four-byte server address when a half needs more than 7 bits)',
  meter: (m) => withHdlc(m, { serverPhysical: PHYSICAL }),
  hooks: { hdlc: { noOneByteAddress: true } },
  profile: { hdlc: { addressSize: 4, serverPhysical: PHYSICAL } },
  affects: ['hdlc/*'],
};
