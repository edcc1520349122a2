import { withHdlc, type Variant } from './types';

/** The largest information field HDLC allows, so long responses need fewer segments. */
export const hdlcMaxInfo2030: Variant = {
  name: 'hdlc-max-info-2030',
  description: 'The server offers, and uses, information fields of 2030 bytes both ways; the profile proposes 2030.',
  clause: 'Green Book 8.4.5.3.2 (maximum information field length 32..2030)',
  meter: (m) => withHdlc(m, { maxInfoTx: 2030, maxInfoRx: 2030 }),
  profile: { hdlc: { maxInfo: 2030 } },
  affects: ['hdlc/*', 'services/block-transfer', 'services/get'],
};
