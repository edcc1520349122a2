import type { Fault } from './types';

/** An I frame with an information field longer than agreed is served instead of rejected. */
export const hdlcAcceptsOversizedInfo: Fault = {
  name: 'hdlc-accepts-oversized-info',
  description: 'An I frame with an information field longer than agreed is served instead of rejected.',
  clause: 'Green Book 8.4.5.3.2; ISO/IEC 13239 5.5.3.4.4 (FRMR, Y); DLMS UA 1001-3 HDLC_INFO_N1',
  hooks: {
    hdlc: { onNegotiated: (s) => ({ ...s, maxInfoFieldLengthReceive: 2030 }) },
  },
};
