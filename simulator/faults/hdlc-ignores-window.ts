import type { Fault } from './types';

/** The server sends up to 7 I frames per poll, whatever window it agreed in its UA. */
export const hdlcIgnoresWindow: Fault = {
  name: 'hdlc-ignores-window',
  description: 'The server sends up to 7 I frames per poll, whatever window it agreed in its UA.',
  clause: 'Green Book 8.4.5.3.2 (window size, transmit) and 8.4.4 (windowing)',
  hooks: {
    hdlc: { onNegotiated: (s) => ({ ...s, windowSizeTransmit: 7 }) },
  },
};
