import type { Fault } from './types';

/** Uses GET block transfer although the association did not negotiate it. */
export const blocksWithoutNegotiation: Fault = {
  name: 'blocks-without-negotiation',
  description:
    'A GET response longer than 256 bytes is sent as get-response-with-datablock even when block-transfer-with-get-or-read was not negotiated and the whole response would fit the client.',
  clause: 'Green Book 9.4.6.1 (block-transfer-with-get-or-read) and 9.3.6 (get-response-normal)',
  hooks: {
    serveService: (service, granted) => granted || service === 'block-transfer-with-get-or-read',
    responsePduLimit: (_serverMax, clientMax) => Math.min(clientMax, 256),
  },
};
