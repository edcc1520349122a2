import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const imageTransferBlocksStatusInconsistent: Fault = {
  name: 'image-transfer-blocks-status-inconsistent',
  description:
    'Image transfer image_transferred_blocks_status (class 18 attribute 3) marks blocks 0..3 transferred while image_first_not_transferred_block_number says block 0 is missing.',
  clause: 'Blue Book 4.4.5 (Image transfer: image_first_not_transferred_block_number is the first block not transferred)',
  hooks: alterAttribute(18, 3, () => ({ type: 'bit-string', length: 8, bytes: Uint8Array.from([0xf0]) })),
};
