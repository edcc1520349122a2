import type { Fault } from './types';

export const imageBlockStatusNotSet: Fault = {
  name: 'image-block-status-not-set',
  description: 'Image transfer (class 18) image_transferred_blocks_status reads every bit clear, whatever blocks were transferred.',
  clause: 'Blue Book 4.4.5 (Image transfer image_transferred_blocks_status: one bit per block, set when it is transferred)',
  hooks: {
    onGet: (address, result) =>
      address.classId === 18 && address.attribute === 3 && result.kind === 'data' && result.data.type === 'bit-string'
        ? { kind: 'data', data: { ...result.data, bytes: new Uint8Array(result.data.bytes.length) } }
        : result,
  },
};
