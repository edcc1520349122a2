import type { Fault } from './types';

const BLOCK_TRANSFER = 2;
const FIRST_NOT_TRANSFERRED = 4;

export const imageBlockOutOfOrderRefused: Fault = {
  name: 'image-block-out-of-order-refused',
  description: 'Image transfer (class 18) image_block_transfer refuses a block other than the first not yet transferred (temporary-failure).',
  clause: 'Blue Book 4.4.5 (Image transfer: blocks may be transferred in any order; image_transferred_blocks_status records each)',
  hooks: {
    interceptMethod: (call, run) => {
      if (call.classId !== 18 || call.method !== BLOCK_TRANSFER) return run();
      const n = call.parameters?.type === 'structure' ? call.parameters.items[0] : undefined;
      const first = call.read(FIRST_NOT_TRANSFERRED);
      const inOrder = n?.type !== 'double-long-unsigned' || first?.type !== 'double-long-unsigned' || n.value === first.value;
      return inOrder ? run() : { kind: 'error', result: 'temporary-failure' };
    },
  },
};
