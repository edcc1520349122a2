import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const imageTransferStatusOutOfRange: Fault = {
  name: 'image-transfer-status-out-of-range',
  description: 'Image transfer image_transfer_status (class 18 attribute 6) reads 8, a state the Blue Book does not define.',
  clause: 'Blue Book 4.4.5 (Image transfer image_transfer_status: 0..7)',
  hooks: alterAttribute(18, 6, () => ({ type: 'enum', value: 8 })),
};
