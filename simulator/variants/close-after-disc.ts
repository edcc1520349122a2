import type { Variant } from './types';

/** HDLC over TCP: once DISC ended the link, the meter ends the TCP connection too. */
export const closeAfterDisc: Variant = {
  name: 'close-after-disc',
  description: 'After answering a DISC with UA, the server closes the connection (HDLC over TCP or the in-memory link).',
  clause: 'Green Book 8.4.4 (DISC ends the data link); IEC 62056-47 (the TCP connection may be closed by either side)',
  reading: 'docs/decisions/meter-hang-up.md',
  seen: 'real-meter.md section 5: the meter hangs up after DISC',
  hooks: { hangUp: { afterDisc: true } },
  // DISC is sent by HDLC cases, and by the teardown of every case (services/get stands for them).
  affects: ['hdlc/*', 'services/get'],
};
