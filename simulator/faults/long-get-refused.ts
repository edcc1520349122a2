import type { Fault } from './types';

/** Refuses long GET responses although block transfer was negotiated. */
export const longGetRefused: Fault = {
  name: 'long-get-refused',
  description: 'A GET response too long for one APDU is refused with data-access-result other-reason although block-transfer-with-get-or-read was negotiated.',
  clause: 'Green Book 9.4.6.x (block transfer with GET)',
  hooks: {
    serveService: (service, granted) => granted && service !== 'block-transfer-with-get-or-read',
  },
};
