import { INTEGER_ZERO, LOGICAL_NAME } from './common';
import type { InterfaceClassDef } from './types';

/** Blue Book 4.4.5 Image transfer (class_id 18, version 0): firmware images in blocks. */
export const IMAGE_TRANSFER: InterfaceClassDef = {
  classId: 18,
  version: 0,
  name: 'Image transfer',
  clause: '4.4.5',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'image_block_size', type: 'double-long-unsigned', static: true },
    { index: 3, name: 'image_transferred_blocks_status', type: 'bit-string' },
    { index: 4, name: 'image_first_not_transferred_block_number', type: 'double-long-unsigned' },
    { index: 5, name: 'image_transfer_enabled', type: 'boolean' },
    { index: 6, name: 'image_transfer_status', type: 'enum[0..7]' }, // 0 not initiated … 7 activation failed
    {
      index: 7,
      name: 'image_to_activate_info',
      type: 'array<structure{image_to_activate_size: double-long-unsigned, image_to_activate_identification: octet-string, image_to_activate_signature: octet-string}>',
    },
  ],
  methods: [
    { index: 1, name: 'image_transfer_initiate', parameter: 'structure{image_identifier: octet-string, image_size: double-long-unsigned}' },
    { index: 2, name: 'image_block_transfer', parameter: 'structure{image_block_number: double-long-unsigned, image_block_value: octet-string}' },
    { index: 3, name: 'image_verify', parameter: INTEGER_ZERO },
    { index: 4, name: 'image_activate', parameter: INTEGER_ZERO },
  ],
};

/** The attribute and method indexes of IMAGE_TRANSFER above, by name (harness and simulator both address them). */
export const IMAGE_ATTRIBUTE = { blockSize: 2, blocksStatus: 3, firstNotTransferred: 4, enabled: 5, status: 6, toActivateInfo: 7 } as const;
export const IMAGE_METHOD = { initiate: 1, block: 2, verify: 3, activate: 4 } as const;
