import type { Variant } from './types';

/** A block APDU this small still carries data (the datablock header is 12 bytes or so). */
const SMALL_BLOCK = 64;

export const smallBlocks: Variant = {
  name: 'small-blocks',
  description: 'A GET answer too long for one APDU comes in get-response-with-datablock blocks of at most 64-byte APDUs, well under what the client accepts.',
  clause: 'Green Book 9.3.6 and 9.4.6.2 (the server chooses the block size, up to client-max-receive-pdu-size)',
  hooks: { blockSize: (largest) => Math.min(largest, SMALL_BLOCK) },
  affects: ['services/*', 'classes/*', 'selective-access/*', 'association/*'],
};
