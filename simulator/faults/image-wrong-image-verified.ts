import type { Fault } from './types';

const VERIFY = 3;
const STATUS = 6;
const VERIFICATION_SUCCESSFUL = 3;
const VERIFICATION_FAILED = 4;

export const imageWrongImageVerified: Fault = {
  name: 'image-wrong-image-verified',
  description:
    'Image transfer (class 18) image_verify of an image that fails verification answers success, and image_transfer_status reads 3 (verification successful).',
  clause: 'Blue Book 4.4.5 (Image transfer image_verify: an image that is not intact fails verification, status 4)',
  hooks: {
    interceptMethod: (call, run) => {
      const r = run();
      return call.classId === 18 && call.method === VERIFY && r.kind === 'error' ? { kind: 'success' } : r;
    },
    onGet: (address, result) =>
      address.classId === 18 &&
      address.attribute === STATUS &&
      result.kind === 'data' &&
      result.data.type === 'enum' &&
      result.data.value === VERIFICATION_FAILED
        ? { kind: 'data', data: { type: 'enum', value: VERIFICATION_SUCCESSFUL } }
        : result,
  },
};
