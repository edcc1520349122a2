import type { Fault } from './types';

export const imageActivationIgnored: Fault = {
  name: 'image-activation-ignored',
  description: 'Image transfer (class 18) image_activate answers success and does not activate: image_transfer_status stays as it was.',
  clause: 'Blue Book 4.4.5 (Image transfer image_activate: a verified image is activated, status 6)',
  hooks: { ignoreMethod: (classId, method, ignored) => ignored || (classId === 18 && method === 4) },
};
