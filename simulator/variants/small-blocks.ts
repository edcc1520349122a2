import type { Variant } from './types';

/** Green Book 9.4.6.2 floor for a useful APDU; blocks this small still carry data. */
const SMALL_PDU = 64;

export const smallBlocks: Variant = {
  name: 'small-blocks',
  description: 'Responses longer than 64 bytes go in blocks (GET with datablock, ACTION pblock, general block transfer) of at most 64-byte APDUs, well under what the client accepts.',
  clause: 'Green Book 9.4.6.2 and 9.3.6 (the server chooses the block size up to client-max-receive-pdu-size)',
  hooks: { responsePduLimit: (serverMax, clientMax) => Math.min(serverMax, clientMax === 0 ? serverMax : clientMax, SMALL_PDU) },
  affects: ['services/*', 'classes/*', 'selective-access/*', 'association/*'],
};
