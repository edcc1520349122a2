import type { Fault } from './types';

/** The server sends information fields 16 bytes longer than the maximum it agreed in its UA. */
export const hdlcOversizedInfoField: Fault = {
  name: 'hdlc-oversized-info-field',
  description: 'The server sends information fields 16 bytes longer than the maximum it agreed in its UA.',
  clause: 'Green Book 8.4.5.3.2 (maximum information field length, transmit)',
  hooks: {
    hdlc: { onNegotiated: (s) => ({ ...s, maxInfoFieldLengthTransmit: s.maxInfoFieldLengthTransmit + 16 }) },
  },
};
